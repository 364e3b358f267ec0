package org.attache.stats;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.attache.api.Resolvers;
import org.attache.country.Country;
import org.attache.security.Roles;
import org.attache.stats.StatsService.Activity;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@Resolvers
@RolesAllowed(Roles.VIEWER)
public class StatsApi {

    @Inject
    StatsService stats;

    @Query
    @NonNull
    @Description("A country's activity per period: visits hosted and made, their agenda items by kind, awards conferred"
            + " and received; only with the counterpart's when counterpart is set. Every period from 'from' (or the first"
            + " with data) to 'to' (or the last) is listed, empty ones with zeros; at most 1000 periods.")
    public List<@NonNull CooperationPeriod> cooperationStats(
            @NonNull @Description("Alpha-3 code of the country whose activity is counted.") String country,
            @Description("Alpha-3 code of a second country, other than country: only visits between the two, and"
                    + " awards one conferred on the other's people, are counted.") String counterpart,
            LocalDate from, LocalDate to,
            @DefaultValue("YEAR") @Description("The length of each period.") Interval interval) {
        return stats.cooperation(country, counterpart, from, to, interval);
    }

    @Query
    @NonNull
    @Description("The pairs of countries with the most visits between them (started within from-to), most active first."
            + " first defaults to 10, at most 100.")
    public List<@NonNull CountryPair> countryPairs(LocalDate from, LocalDate to,
            @Description("How many pairs to return, from 0 to 100; 10 when left out.") Integer first) {
        return stats.countryPairs(from, to, first);
    }

    @Query
    @NonNull
    @Description("For each topic discussed, the visits (started within from-to) that discussed it per period, most"
            + " discussed topic first.")
    public List<@NonNull TopicTrend> topicTrends(LocalDate from, LocalDate to,
            @DefaultValue("YEAR") @Description("The length of each period.") Interval interval) {
        return stats.topicTrends(from, to, interval);
    }

    @Description("Visits this country hosted.")
    public List<@NonNull Integer> hostedCount(@Source List<Country> countries) {
        return stats.countPerCountry(countries, Activity.HOSTED);
    }

    @Description("Visits this country's delegations made to other countries.")
    public List<@NonNull Integer> sentCount(@Source List<Country> countries) {
        return stats.countPerCountry(countries, Activity.SENT);
    }

    @Description("Awards this country conferred.")
    public List<@NonNull Integer> awardsConferredCount(@Source List<Country> countries) {
        return stats.countPerCountry(countries, Activity.AWARDS_CONFERRED);
    }
}
