package org.attache.delegation;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("DelegationFilter")
@Description("Narrows a list of visits; every field set must match.")
public record DelegationFilter(
        @Description("Words to find in titles, summaries, agenda items, people's names and topics"
                + " (web-search syntax: \"quoted phrase\", or, -excluded); accents and word endings are ignored.") String text,
        @Description("Alpha-3 code of the host country.") String hostCountry,
        @Description("Alpha-3 code of the visiting country.") String visitingCountry,
        @Description("Alpha-3 code of either side.") String country,
        @Description("Visits starting on or after this day.") LocalDate from,
        @Description("Visits starting on or before this day.") LocalDate to,
        @Description("Visits with this status; drafts are listed only when it is DRAFT (editors only).") DelegationStatus status,
        @Description("Visits of this kind.") DelegationKind kind,
        @Id @Description("Visits this person led, joined or received.") String personId,
        @Description("Slug of a topic discussed during the visit or one of its agenda items.") String topic,
        @Description("Alpha-3 code of a second country taking part: with country, the visits between the two in"
                + " either direction.") String counterpart) {
}
