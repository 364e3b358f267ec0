package org.attache.agreement;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AgreementFilter")
@Description("Narrows a list of documents signed; every field set must match.")
public record AgreementFilter(
        @Description("Alpha-3 code of one of the parties.") String party,
        @Id @Description("Documents signed during this visit.") String delegationId,
        @Id @Description("Documents this person signed.") String signatoryId,
        @Description("Documents of this kind.") AgreementKind kind,
        @Description("Signed on or after this day.") LocalDate from,
        @Description("Signed on or before this day.") LocalDate to) {
}
