package org.attache.award;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AwardFilter")
@Description("Narrows a list of awards; every field set must match.")
public record AwardFilter(
        @Id @Description("Awards this person received.") String recipientId,
        @Description("Alpha-3 code of the conferring country.") String conferredBy,
        @Id @Description("Awards conferred during this visit.") String delegationId,
        @Description("Conferred on or after this day.") LocalDate from,
        @Description("Conferred on or before this day.") LocalDate to) {
}
