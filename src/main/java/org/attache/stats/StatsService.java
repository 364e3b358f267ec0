package org.attache.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.attache.agenda.AgendaItemKind;
import org.attache.api.ApiException;
import org.attache.api.Paging;
import org.attache.country.Country;
import org.attache.country.CountryService;
import org.attache.persistence.Sql;
import org.attache.stats.CooperationPeriod.AgendaKindCount;
import org.attache.stats.TopicTrend.TopicPeriod;
import org.attache.topic.Topic;

/**
 * Aggregates for dashboards. Each is one SQL statement that groups and counts in PostgreSQL, over every period the
 * answer lists (those nothing happened in too, so charts have no gaps); Java only arranges the rows. The one-statement
 * path (sqlread) arranges the same statement's rows in SQL.
 */
@ApplicationScoped
public class StatsService {

    /** A chart has at most this many periods (about 83 years of months). */
    public static final int MAX_PERIODS = 1000;
    static final int DEFAULT_PAIRS = 10;

    @Inject
    CountryService countries;

    /**
     * Rows of (start, refused, series, kind, n) over the periods listed ({@link #overPeriods}): series HOSTED, MADE,
     * AGENDA (by kind), CONFERRED or RECEIVED; every argument checked first.
     */
    public Sql cooperationCounts(String countryCode, String counterpartCode, LocalDate from, LocalDate to,
            Interval interval) {
        Interval unit = unitOf(interval);
        requireRange(from, to);
        String country = countries.knownCode(countryCode, "country");
        String counterpart = countries.knownCode(counterpartCode, "counterpart");
        if (counterpart != null && counterpart.equals(country)) {
            throw ApiException.invalid("counterpart", "counterpart must differ from country.");
        }
        // Each part names the country's side, and the counterpart's when one is given: "?" takes that code.
        Sql sql = Sql.join(" union all ", List.of(
                Sql.sql("select " + unit.sqlTruncate("d.start_date") + " as period, 'HOSTED' as series, null as kind,"
                        + " count(*) as n from delegation d where d.status <> 'DRAFT'",
                        side(" and d.host_country_code = ?", country),
                        side(" and d.visiting_country_code = ?", counterpart), within("d.start_date", from, to),
                        " group by 1"),
                Sql.sql("select " + unit.sqlTruncate("d.start_date") + ", 'MADE', null, count(*) from delegation d"
                        + " where d.status <> 'DRAFT'", side(" and d.visiting_country_code = ?", country),
                        side(" and d.host_country_code = ?", counterpart), within("d.start_date", from, to), " group by 1"),
                // The visits' ids first, then their items by index: joined, PostgreSQL reads every agenda item.
                Sql.sql("select " + unit.sqlTruncate("i.item_date") + ", 'AGENDA', i.kind, count(*) from agenda_item i"
                        + " where i.delegation_id = any (array(select d.id from delegation d where d.status <> 'DRAFT'",
                        side(" and (d.host_country_code = ? or d.visiting_country_code = ?)", country),
                        side(" and (d.host_country_code = ? or d.visiting_country_code = ?)", counterpart), "))",
                        within("i.item_date", from, to), " group by 1, 3"),
                Sql.sql("select " + unit.sqlTruncate("a.conferred_on") + ", 'CONFERRED', null, count(*) from award a"
                        + " join person p on p.id = a.recipient_id where not a.draft",
                        side(" and a.conferred_by_code = ?", country), side(" and p.country_code = ?", counterpart),
                        within("a.conferred_on", from, to), " group by 1"),
                Sql.sql("select " + unit.sqlTruncate("a.conferred_on") + ", 'RECEIVED', null, count(*) from award a"
                        + " join person p on p.id = a.recipient_id where not a.draft",
                        side(" and p.country_code = ?", country), side(" and a.conferred_by_code = ?", counterpart),
                        within("a.conferred_on", from, to), " group by 1")));
        return overPeriods(sql, List.of("series", "kind", "n"), unit, from, to);
    }

    public List<CooperationPeriod> cooperation(String countryCode, String counterpartCode, LocalDate from, LocalDate to,
            Interval interval) {
        Interval unit = unitOf(interval);
        Map<LocalDate, Counts> byPeriod = new TreeMap<>();
        for (Object[] row : cooperationCounts(countryCode, counterpartCode, from, to, unit).rows()) {
            Counts counts = byPeriod.computeIfAbsent(period(row, unit), p -> new Counts());
            if (row[2] == null) {
                continue; // a period nothing happened in
            }
            int n = ((Number) row[4]).intValue();
            switch ((String) row[2]) {
                case "HOSTED" -> counts.hosted = n;
                case "MADE" -> counts.made = n;
                case "AGENDA" -> counts.agenda.put(AgendaItemKind.valueOf((String) row[3]), n);
                case "CONFERRED" -> counts.conferred = n;
                default -> counts.received = n;
            }
        }
        List<CooperationPeriod> periods = new ArrayList<>();
        for (Map.Entry<LocalDate, Counts> period : byPeriod.entrySet()) {
            LocalDate start = period.getKey();
            Counts c = period.getValue();
            List<AgendaKindCount> agenda = c.agenda.entrySet().stream().map(e -> new AgendaKindCount(e.getKey(), e.getValue()))
                    .toList();
            periods.add(new CooperationPeriod(start, c.hosted, c.made, agenda, c.conferred, c.received));
        }
        return periods;
    }

    /** The order of the pairs, over the columns of {@link #pairCounts}' rows. */
    public static final String PAIR_ORDER = "visits desc, one, other";

    /** Rows of (one, other, one_to_other, other_to_one, visits), the busiest pairs first; every argument checked. */
    public Sql pairCounts(LocalDate from, LocalDate to, Integer first) {
        requireRange(from, to);
        Sql sql = Sql.sql("select least(d.visiting_country_code, d.host_country_code) as one,"
                + " greatest(d.visiting_country_code, d.host_country_code) as other,"
                + " count(*) filter (where d.visiting_country_code < d.host_country_code) as one_to_other,"
                + " count(*) filter (where d.visiting_country_code > d.host_country_code) as other_to_one,"
                + " count(*) as visits from delegation d where d.status <> 'DRAFT'", within("d.start_date", from, to),
                " group by 1, 2 order by " + PAIR_ORDER + " limit ", Sql.value(Paging.pageSize(first, DEFAULT_PAIRS)));
        return sql;
    }

    public List<CountryPair> countryPairs(LocalDate from, LocalDate to, Integer first) {
        Sql counts = pairCounts(from, to, first);
        return Sql.sql("select p.one, a.name, p.other, b.name, p.one_to_other, p.other_to_one, p.visits from (", counts,
                ") p join country a on a.code = p.one join country b on b.code = p.other order by " + PAIR_ORDER).rows()
                .stream()
                .map(r -> new CountryPair(Country.of((String) r[0], (String) r[1]), Country.of((String) r[2], (String) r[3]),
                        ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue()))
                .toList();
    }

    /**
     * Rows of (start, refused, slug, n: its visits in the period, visits: in all periods) over the periods listed
     * ({@link #overPeriods}); every argument checked.
     */
    public Sql topicCounts(LocalDate from, LocalDate to, Interval interval) {
        Interval unit = unitOf(interval);
        requireRange(from, to);
        // A visit counts once per topic, whether the topic was set on the visit or on one or more of its agenda items.
        Sql sql = Sql.sql("select c.*, sum(c.n) over (partition by c.slug) as visits from (select dt.topic_slug as slug, "
                + unit.sqlTruncate("d.start_date") + " as period, count(*) as n"
                + " from delegation d join (select delegation_id, topic_slug from delegation_topic"
                + "       union select i.delegation_id, it.topic_slug from agenda_item_topic it"
                + "       join agenda_item i on i.id = it.agenda_item_id) dt on dt.delegation_id = d.id"
                + " where d.status <> 'DRAFT'", within("d.start_date", from, to), " group by 1, 2) c");
        return overPeriods(sql, List.of("slug", "n", "visits"), unit, from, to);
    }

    /**
     * The order of the trends, over the columns of {@link #topicCounts}' rows: the most discussed first (periods
     * nothing happened in, without a slug, come before them).
     */
    public static final String TREND_ORDER = "visits desc, slug";

    public List<TopicTrend> topicTrends(LocalDate from, LocalDate to, Interval interval) {
        Interval unit = unitOf(interval);
        Map<String, Topic> topics = new LinkedHashMap<>();
        Map<String, Map<LocalDate, Integer>> counts = new HashMap<>();
        Set<LocalDate> listed = new TreeSet<>();
        for (Object[] row : Sql.sql(topicCounts(from, to, unit), " order by " + TREND_ORDER).rows()) {
            LocalDate period = period(row, unit);
            listed.add(period);
            String slug = (String) row[2];
            if (slug != null) {
                // Topics are few and in the second-level cache: the full, audited entity costs no query once warm.
                topics.computeIfAbsent(slug, s -> Topic.findById(s));
                counts.computeIfAbsent(slug, s -> new HashMap<>()).put(period, ((Number) row[3]).intValue());
            }
        }
        List<LocalDate> periods = List.copyOf(listed);
        List<TopicTrend> trends = new ArrayList<>();
        for (Topic topic : topics.values()) {
            Map<LocalDate, Integer> byPeriod = counts.get(topic.slug);
            List<TopicPeriod> points = periods.stream().map(p -> new TopicPeriod(p, byPeriod.getOrDefault(p, 0))).toList();
            trends.add(new TopicTrend(topic, points.stream().mapToInt(TopicPeriod::visits).sum(), points));
        }
        return trends;
    }

    /** A total kept per country: visits hosted, visits sent, awards conferred. */
    public enum Activity {
        HOSTED("hosted"),
        SENT("sent"),
        AWARDS_CONFERRED("awards_conferred");

        private final String column;

        Activity(String column) {
            this.column = column;
        }
    }

    /**
     * For each country, its total of this activity, or 0, in one statement for the whole list. The totals are kept
     * by triggers (V5__country_activity.sql).
     */
    public List<Integer> countPerCountry(List<Country> list, Activity activity) {
        if (list.isEmpty()) {
            return List.of();
        }
        // A list value, which Hibernate expands into one placeholder per code: for the resolvers only.
        Sql totals = Sql.of("select country_code, " + activity.column + " from country_activity where country_code in (?)",
                list.stream().map(c -> c.code).distinct().toList());
        Map<String, Integer> byCode = new HashMap<>();
        for (Object[] row : totals.rows()) {
            byCode.put((String) row[0], ((Number) row[1]).intValue());
        }
        return list.stream().map(c -> byCode.getOrDefault(c.code, 0)).toList();
    }

    private static final class Counts {
        int hosted;
        int made;
        int conferred;
        int received;
        final Map<AgendaItemKind, Integer> agenda = new EnumMap<>(AgendaItemKind.class);
    }

    private static Sql within(String dateColumn, LocalDate from, LocalDate to) {
        return Sql.sql(side(" and " + dateColumn + " >= ?", from), side(" and " + dateColumn + " <= ?", to));
    }

    /** The condition with the value in each of its placeholders; nothing when there is no value. */
    private static Sql side(String condition, Object value) {
        return value == null ? Sql.of("") : Sql.each(condition, value);
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "to must not be before from.");
        }
    }

    /** The interval a statistic is counted in: years unless one is asked for. */
    private static Interval unitOf(Interval interval) {
        return interval == null ? Interval.YEAR : interval;
    }

    private static ApiException tooManyPeriods(Interval unit) {
        return ApiException.invalid("interval", "The range spans more than " + MAX_PERIODS + " "
                + unit.name().toLowerCase() + " periods; set from and to closer together, or choose a longer interval.");
    }

    /**
     * The counted rows (with a column {@code period}) over every period a statistic lists: from 'from' (or the first
     * period with data) to 'to' (or the last); none when there is no data and either end is open. Each row is (start,
     * refused, the counted columns): a period nothing was counted in has one row, without them. A range of more than
     * {@value #MAX_PERIODS} periods, which only the data shows when an end is open, is one row, refused. Both read
     * paths list the periods by this statement.
     */
    private static Sql overPeriods(Sql counted, List<String> columns, Interval unit, LocalDate from, LocalDate to) {
        Sql first = from == null ? Sql.of("min(c.period)") : Sql.of(unit.sqlTruncate("?"), from);
        Sql last = to == null ? Sql.of("max(c.period)") : Sql.of(unit.sqlTruncate("?"), to);
        return Sql.sql("with counted as (", counted, "), span as (select s.first, s.last, coalesce("
                + unit.sqlPeriodsBetween("s.first", "s.last") + " > " + MAX_PERIODS + ", false) as refused from (select ",
                first, " as first, ", last, " as last, count(*) from counted c) s)" // count(*): one row, always
                        + " select cast(g as date) as start, false as refused, "
                        + String.join(", ", columns.stream().map(column -> "c." + column).toList())
                        + " from span s cross join generate_series(cast(s.first as timestamp), cast(s.last as timestamp), "
                        + unit.sqlStep() + ") g left join counted c on c.period = cast(g as date) where not s.refused"
                        + " union all select null, true, " + String.join(", ", columns.stream().map(column -> "null").toList())
                        + " from span s where s.refused");
    }

    /** The period of a row of {@link #overPeriods}; refused, said as for a range the arguments show too long. */
    private static LocalDate period(Object[] row, Interval unit) {
        if (Boolean.TRUE.equals(row[1])) {
            throw tooManyPeriods(unit);
        }
        return day(row[0]);
    }

    /** Native queries return dates as java.sql.Date or LocalDate depending on the driver's mapping. */
    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
