package org.attache.agreement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.attache.api.Chars;
import org.attache.api.Visible;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AgreementInput")
@Description("A document signed, as recordAgreement records it.")
public record AgreementInput(
        @NonNull @Visible @Chars(max = 500) @Description("At most 500 characters.") String title,
        @NonNull @NotNull @Description("What kind of document it is.") AgreementKind kind,
        @Description("The day it was signed; within the visit when delegationId is set.") LocalDate signedOn,
        @NonNull @NotNull @Size(min = 1, max = 50) @Description("Alpha-3 codes of the countries bound by it.") List<String> parties,
        @Id @Size(max = 50) @Description("Ids of the persons who signed it.") List<String> signatoryIds,
        @Id @Description("The visit during which it was signed, if any.") String delegationId) {
}
