package org.attache.sqlread;

import static org.attache.sqlread.Arguments.constant;
import static org.attache.sqlread.Arguments.date;
import static org.attache.sqlread.Arguments.firstOf;
import static org.attache.sqlread.Arguments.mapped;
import static org.attache.sqlread.Arguments.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.attache.persistence.Sql;
import org.attache.stats.Interval;
import org.attache.stats.StatsService;

/**
 * A statistic's arguments as its resolver receives them, for StatsService to check and count: the compiled answer
 * arranges the same counting statement's rows as the resolver does.
 */
sealed interface StatsRequest {

    Sql count(StatsService stats);

    /** The request of a statistics field; Unsupported for any other field. */
    static StatsRequest of(String field, Map<String, Object> arguments) {
        try {
            return switch (field) {
                case "cooperationStats" -> {
                    mapped(arguments, Set.of("country", "counterpart", "from", "to", "interval"));
                    yield new Cooperation(text(arguments.get("country")), text(arguments.get("counterpart")),
                            date(arguments.get("from")), date(arguments.get("to")),
                            constant(Interval.class, arguments.get("interval")));
                }
                case "countryPairs" -> {
                    mapped(arguments, Set.of("from", "to", "first"));
                    yield new Pairs(date(arguments.get("from")), date(arguments.get("to")), firstOf(arguments));
                }
                case "topicTrends" -> {
                    mapped(arguments, Set.of("from", "to", "interval"));
                    yield new Trends(date(arguments.get("from")), date(arguments.get("to")),
                            constant(Interval.class, arguments.get("interval")));
                }
                default -> throw new SqlSelection.Unsupported("root field " + field);
            };
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new SqlSelection.Unsupported("an argument the resolver would refuse: " + e.getMessage());
        }
    }

    record Cooperation(String country, String counterpart, LocalDate from, LocalDate to, Interval interval)
            implements
                StatsRequest {

        @Override
        public Sql count(StatsService stats) {
            return stats.cooperationCounts(country, counterpart, from, to, interval);
        }
    }

    record Pairs(LocalDate from, LocalDate to, Integer first) implements StatsRequest {

        @Override
        public Sql count(StatsService stats) {
            return stats.pairCounts(from, to, first);
        }
    }

    record Trends(LocalDate from, LocalDate to, Interval interval) implements StatsRequest {

        @Override
        public Sql count(StatsService stats) {
            return stats.topicCounts(from, to, interval);
        }
    }
}
