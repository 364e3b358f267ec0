package org.attache.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;

@Description("The length of the periods a statistic is counted in; each period starts on the first day of its year, quarter or month.")
public enum Interval {
    @Description("Calendar years, from 1 January.")
    YEAR,
    @Description("Calendar quarters, from 1 January, 1 April, 1 July and 1 October.")
    QUARTER,
    @Description("Calendar months, from the first day of the month.")
    MONTH;

    /** The date_trunc field; an enum constant, never client text, so it may be written into SQL. */
    String sqlUnit() {
        return name().toLowerCase(Locale.ROOT);
    }

    LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case YEAR -> periodStart.plusYears(1);
            case QUARTER -> periodStart.plusMonths(3);
            case MONTH -> periodStart.plusMonths(1);
        };
    }

    long periodsBetween(LocalDate first, LocalDate last) {
        long months = ChronoUnit.MONTHS.between(truncate(first), truncate(last));
        return switch (this) {
            case YEAR -> months / 12 + 1;
            case QUARTER -> months / 3 + 1;
            case MONTH -> months + 1;
        };
    }

    LocalDate truncate(LocalDate day) {
        return switch (this) {
            case YEAR -> day.withDayOfYear(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
