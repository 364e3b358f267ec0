package org.attache.agreement;

import java.time.LocalDate;
import java.util.List;

import org.attache.api.Given;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AgreementUpdateInput")
@Description("Changes to a document: a field left out keeps its value, null clears it (refused where AgreementInput"
        + " requires it), and a list given replaces the whole list. Each field means what it means in AgreementInput.")
public record AgreementUpdateInput(
        @Description("At most 500 characters; cannot be cleared.") String title,
        @Description("Cannot be cleared.") AgreementKind kind,
        @Description("Null while unknown.") LocalDate signedOn,
        @Description("Replaces the parties; at least one.") List<String> parties,
        @Id @Description("Replaces the signatories.") List<String> signatoryIds,
        @Id @Description("The visit it was signed during; null for none.") String delegationId) {

    /** The document as it will be: what this input gives, and the current value of every field it leaves out. */
    AgreementInput over(AgreementInput current, Given given) {
        return new AgreementInput(
                given.or("title", title, current.title()),
                given.or("kind", kind, current.kind()),
                given.or("signedOn", signedOn, current.signedOn()),
                given.or("parties", parties, current.parties()),
                given.or("signatoryIds", signatoryIds, current.signatoryIds()),
                given.or("delegationId", delegationId, current.delegationId()));
    }
}
