package org.attache.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

    /** A period's length: the step, the count of periods and Java's truncation follow from it (SQL's is date_trunc's). */
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

    /** As {@link #periodsBetween}, in SQL, over two period starts (SQL dates). */
    public String sqlPeriodsBetween(String first, String last) {
        return "(div(extract(year from " + last + ") * 12 + extract(month from " + last + ") - extract(year from " + first
                + ") * 12 - extract(month from " + first + "), " + months + ") + 1)";
    }

    LocalDate next(LocalDate periodStart) {
        return periodStart.plusMonths(months);
    }

    long periodsBetween(LocalDate first, LocalDate last) {
        return ChronoUnit.MONTHS.between(truncate(first), truncate(last)) / months + 1;
    }

    LocalDate truncate(LocalDate day) {
        return day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / months * months + 1);
    }
}
