package org.attache.award;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.attache.api.Chars;
import org.attache.api.Visible;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AwardInput")
@Description("An award as a press release describes it.")
public record AwardInput(
        @NonNull @Visible @Chars(max = 300) @Description("At most 300 characters.") String name,
        @NonNull @NotNull @Description("What kind of distinction it is.") AwardKind kind,
        @NonNull @NotNull @Id @Description("The person who received it.") String recipientId,
        @NonNull @Visible @Description("Alpha-3 code of the country that conferred it.") String conferredBy,
        @NonNull @NotNull LocalDate conferredOn,
        @Id @Description("The visit during which it was conferred, if any; conferredOn must then fall within it.") String delegationId,
        @Chars(max = 10000) @Description("The wording of the award, if published; at most 10,000 characters.") String citation,
        @Chars(max = 100) @Description("Class or degree, such as third class.") String grade,
        @Chars(max = 300) @Description("Who conferred it, such as the President of the Republic of Azerbaijan.") String conferredByAuthority) {
}
