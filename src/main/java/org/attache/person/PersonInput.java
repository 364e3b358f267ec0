package org.attache.person;

import org.attache.api.Chars;
import org.attache.api.Visible;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PersonInput")
@Description("A person as a press release describes them.")
public record PersonInput(
        @NonNull @Visible @Chars(max = 200) @Description("Full name, at most 200 characters.") String fullName,
        @Chars(max = 100) @Description("Rank, at most 100 characters.") String rank,
        @Chars(max = 300) @Description("Current post, at most 300 characters.") String position,
        @NonNull @Visible @Description("ISO 3166-1 alpha-3 code of the country the person serves.") String country,
        @Chars(max = 60) @Description("Honorific that is not a rank, such as Sir or Dr.; at most 60 characters.") String title) {
}
