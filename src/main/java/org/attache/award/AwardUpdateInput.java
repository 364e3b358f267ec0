package org.attache.award;

import java.time.LocalDate;

import org.attache.api.Given;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AwardUpdateInput")
@Description("Changes to an award: a field left out keeps its value, null clears it (refused where AwardInput requires"
        + " it). Each field means what it means in AwardInput.")
public record AwardUpdateInput(
        @Description("At most 300 characters; cannot be cleared.") String name,
        @Description("Cannot be cleared.") AwardKind kind,
        @Id @Description("Cannot be cleared.") String recipientId,
        @Description("Alpha-3 code; cannot be cleared.") String conferredBy,
        @Description("Cannot be cleared.") LocalDate conferredOn,
        @Id @Description("The visit it was conferred during; null for none.") String delegationId,
        @Description("At most 10,000 characters; null clears it.") String citation,
        @Description("At most 100 characters; null clears it.") String grade,
        @Description("At most 300 characters; null clears it.") String conferredByAuthority) {

    /** The award as it will be: what this input gives, and the current value of every field it leaves out. */
    AwardInput over(AwardInput current, Given given) {
        return new AwardInput(
                given.or("name", name, current.name()),
                given.or("kind", kind, current.kind()),
                given.or("recipientId", recipientId, current.recipientId()),
                given.or("conferredBy", conferredBy, current.conferredBy()),
                given.or("conferredOn", conferredOn, current.conferredOn()),
                given.or("delegationId", delegationId, current.delegationId()),
                given.or("citation", citation, current.citation()),
                given.or("grade", grade, current.grade()),
                given.or("conferredByAuthority", conferredByAuthority, current.conferredByAuthority()));
    }
}
