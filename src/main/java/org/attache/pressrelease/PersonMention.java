package org.attache.pressrelease;

import org.attache.person.Person;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A person the release names, at the characters text[start..end), and the record they were linked to.")
public record PersonMention(
        @NonNull @Description("The words that name them, rank included.") String text,
        @Description("Offset of the first character in the import's text, counted in Unicode code points.") int start,
        @Description("Offset after the last character, in code points.") int end,
        @NonNull @Description("The person: an existing record when matched, otherwise one the import created.") Person person,
        @Description("True when linked to a person recorded before this import.") boolean matched) {
}
