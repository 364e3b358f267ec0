package org.attache.stats;

import org.attache.country.Country;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Two countries and the visits between them, both ways; 'one' is the one whose code sorts first.")
public record CountryPair(
        @NonNull @Description("The country of the two whose code sorts first.") Country one,
        @NonNull @Description("The country of the two whose code sorts last.") Country other,
        @Description("Visits of one's delegations to other.") int oneVisitedOther,
        @Description("Visits of other's delegations to one.") int otherVisitedOne,
        @Description("All visits between the two.") int visits) {
}
