package org.attache.pressrelease;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One release of a batch: its import, or why it was refused. Each release of a batch is imported in a"
        + " transaction of its own: one refused leaves the others imported.")
public record ImportResult(
        @Description("The import made or found; null when refused.") PressReleaseImport pressReleaseImport,
        @Description("True when the release had been imported before and that import is returned.") boolean alreadyImported,
        @Description("Why the release was refused; null when imported.") ImportError error) {

    @Description("A refusal, as a GraphQL error's extensions would carry it.")
    public record ImportError(
            @NonNull @Description("A stable code, such as VALIDATION.") String code,
            @NonNull @Description("What was wrong, in plain words, as the GraphQL error's message would say it.") String message,
            @Description("The input field at fault, such as inputs[3].text.") String field) {
    }
}
