package org.attache.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.attache.config.Settings;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The longest list of each kind in the data (the most visits one person led, the most members one delegation had...),
 * so that the cost of an operation counts what a list may really hold: a few people lead hundreds of visits, and an
 * estimate of 10 let a viewer ask for 157 MB. Read with one statement at most once a refresh period (less often when it
 * takes long), on a worker, never while a request waits: until the first read ends, and for lists not counted here, the
 * estimate is {@link RequestLimits#LIST_ESTIMATE}. Lists only grow between reads by what editors add in a minute, and
 * {@link ResultBudget} bounds the answer itself whatever the estimate said.
 */
@ApplicationScoped
@Unremovable // looked up by RequestLimits, which graphql-java builds outside CDI
public class ListSizes {

    /** Each counted list as "Type.field", with the SQL of its longest length. */
    private static final Map<String, String> LONGEST = Map.ofEntries(
            Map.entry("Delegation.members", longest("delegation_participant WHERE side = 'MEMBER'", "delegation_id")),
            Map.entry("Delegation.hosts", longest("delegation_participant WHERE side = 'HOST'", "delegation_id")),
            Map.entry("Delegation.agenda", longest("agenda_item", "delegation_id")),
            Map.entry("Delegation.awards", longest("award WHERE delegation_id IS NOT NULL", "delegation_id")),
            Map.entry("Delegation.sources", longest("delegation_source", "delegation_id")),
            Map.entry("Delegation.topics", longest("delegation_topic", "delegation_id")),
            Map.entry("AgendaItem.participants", longest("agenda_item_participant", "agenda_item_id")),
            Map.entry("AgendaItem.topics", longest("agenda_item_topic", "agenda_item_id")),
            Map.entry("Person.delegationsLed", longest("delegation WHERE head_id IS NOT NULL", "head_id")),
            Map.entry("Person.awardsReceived", longest("award", "recipient_id")),
            Map.entry("Query.history", longest("change_history", "entity, entity_id")),
            Map.entry("Query.countries", "(SELECT count(*) FROM country)"),
            Map.entry("Query.topics", "(SELECT count(*) FROM topic)"));

    private final AgroalDataSource database;
    private final boolean fromData;
    private final long refreshNanos;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Map<String, Long> longest = Map.of();
    private volatile long nextReadAt = System.nanoTime();

    ListSizes(AgroalDataSource database, Settings settings) {
        this.database = database;
        this.fromData = settings.graphql().listLengths().fromData();
        this.refreshNanos = settings.graphql().listLengths().refresh().toNanos();
    }

    /** The number of rows to assume for a list field without a page size. */
    long estimate(String type, String field) {
        if (fromData && System.nanoTime() - nextReadAt >= 0 && reading.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(this::read);
        }
        return Math.max(RequestLimits.LIST_ESTIMATE, longest.getOrDefault(type + "." + field, 0L));
    }

    private void read() {
        StringBuilder sql = new StringBuilder("SELECT ");
        LONGEST.forEach((list, longestSql) -> sql.append(longestSql).append(" AS \"").append(list).append("\", "));
        sql.setLength(sql.length() - 2);
        long started = System.nanoTime();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // A background read, one at a time, that grows with the data (60 ms at 10,000 visits): the statement
                // timeout is for requests.
                statement.execute("SET LOCAL statement_timeout = 0");
                try (ResultSet row = statement.executeQuery(sql.toString())) {
                    row.next();
                    Map<String, Long> read = new HashMap<>();
                    for (String list : LONGEST.keySet()) {
                        read.put(list, row.getLong(list));
                    }
                    longest = Map.copyOf(read);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            Log.debugf("List lengths not read (estimates kept): %s", e.getMessage());
        } finally {
            long now = System.nanoTime();
            // On large data the read takes seconds: then it runs less often, so that it never costs more than 5 %.
            nextReadAt = now + Math.max(refreshNanos, 20 * (now - started));
            reading.set(false);
        }
    }

    private static String longest(String rows, String groupedBy) {
        return "(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM " + rows + " GROUP BY " + groupedBy + ") AS lists)";
    }
}
