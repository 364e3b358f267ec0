package org.attache.stats;

import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;

@Description("The length of the periods a statistic is counted in; each period starts on the first day of its year, quarter or month.")
public enum Interval {
    @Description("Calendar years, from 1 January.")
    YEAR(12),
    @Description("Calendar quarters, from 1 January, 1 April, 1 July and 1 October.")
    QUARTER(3),
    @Description("Calendar months, from the first day of the month.")
    MONTH(1);

    /** A period's length: the step and the count of periods follow from it (the truncation is date_trunc's). */
    private final int months;

    Interval(int months) {
        this.months = months;
    }

    /** The start of the period a SQL date falls in (date_trunc's field is this constant's name, never client text). */
    public String sqlTruncate(String date) {
        return "date_trunc('" + name().toLowerCase(Locale.ROOT) + "', cast(" + date + " as timestamp))::date";
    }

    /** The SQL interval from one period's start to the next's. */
    public String sqlStep() {
        return "interval '" + months + " months'";
    }

    /** How many periods run from one period start to another, both counted (SQL dates). */
    public String sqlPeriodsBetween(String first, String last) {
        return "(div(extract(year from " + last + ") * 12 + extract(month from " + last + ") - extract(year from " + first
                + ") * 12 - extract(month from " + first + "), " + months + ") + 1)";
    }
}
