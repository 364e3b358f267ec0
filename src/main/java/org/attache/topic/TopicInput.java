package org.attache.topic;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.attache.api.Chars;
import org.attache.api.Visible;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TopicInput")
@Description("A new cooperation topic.")
public record TopicInput(
        @NonNull @NotNull @Chars(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens, such as joint-exercises") @Description("Lowercase words joined by hyphens, at most 64 characters.") String slug,
        @NonNull @Visible @Chars(max = 120) @Description("Human-readable name, at most 120 characters.") String label) {
}
