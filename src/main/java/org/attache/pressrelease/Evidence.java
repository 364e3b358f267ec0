package org.attache.pressrelease;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The words of the release a drafted fact comes from.")
public record Evidence(
        @NonNull @Description("The drafted fact, as a path: delegation.head, delegation.agenda[2].honours, awards[0].recipient, ...") String field,
        @Description("Offset of the first character in the import's text, counted in Unicode code points.") int start,
        @Description("Offset after the last character, in code points.") int end,
        @NonNull @Description("The words quoted: text[start..end).") String quote,
        @Description("How sure the extraction is, from 0 to 1: an explicit phrase scores higher than a fallback.") double confidence) {
}
