package org.attache.sqlread;

import static org.attache.sqlread.Arguments.constant;
import static org.attache.sqlread.Arguments.date;
import static org.attache.sqlread.Arguments.firstOf;
import static org.attache.sqlread.Arguments.mapped;
import static org.attache.sqlread.Arguments.text;

import java.time.DateTimeException;
import java.util.Map;
import java.util.Set;

import org.attache.agreement.AgreementFilter;
import org.attache.agreement.AgreementKind;
import org.attache.agreement.AgreementService;
import org.attache.award.AwardFilter;
import org.attache.award.AwardService;
import org.attache.delegation.DelegationFilter;
import org.attache.delegation.DelegationKind;
import org.attache.delegation.DelegationOrder;
import org.attache.delegation.DelegationService;
import org.attache.delegation.DelegationStatus;
import org.attache.history.ChangeHistory;
import org.attache.persistence.KeysetQuery;
import org.attache.person.PersonService;
import org.attache.stats.StatsService;

/**
 * A root connection's arguments as its resolver receives them, for the service that plans its page: the compiled
 * page runs the same checks and the same SQL as the resolvers' page. Values of another type than the resolver's
 * (SmallRye's scalars accept some that its argument conversion then refuses), and an argument or filter field this
 * does not map (one added to the schema later), leave the operation to the resolvers.
 */
sealed interface PageRequest {

    /** The services that plan the pages, count the statistics and list a record's history. */
    record Planners(DelegationService delegations, AwardService awards, PersonService persons,
            AgreementService agreements, StatsService stats, ChangeHistory history) {
    }

    KeysetQuery<?> plan(Planners planners);

    /** The request of a root connection field; Unsupported for any other field. */
    static PageRequest of(String field, Map<String, Object> arguments) {
        try {
            return switch (field) {
                case "delegations" -> Delegations.of(arguments);
                case "awards" -> Awards.of(arguments);
                case "persons" -> Persons.of(arguments);
                case "agreements" -> Agreements.of(arguments);
                default -> throw new SqlSelection.Unsupported("root field " + field);
            };
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new SqlSelection.Unsupported("an argument the resolver would refuse: " + e.getMessage());
        }
    }

    record Delegations(DelegationFilter filter, DelegationOrder orderBy, Integer first, String after) implements PageRequest {

        private static final Set<String> FILTER = Set.of("text", "hostCountry", "visitingCountry", "country", "from", "to",
                "status", "kind", "personId", "topic", "counterpart");

        static Delegations of(Map<String, Object> arguments) {
            Map<?, ?> f = mappedFilter(arguments, Set.of("filter", "orderBy", "first", "after"), FILTER);
            DelegationFilter filter = f == null ? null
                    : new DelegationFilter(text(f.get("text")), text(f.get("hostCountry")), text(f.get("visitingCountry")),
                            text(f.get("country")), date(f.get("from")), date(f.get("to")),
                            constant(DelegationStatus.class, f.get("status")), constant(DelegationKind.class, f.get("kind")),
                            text(f.get("personId")), text(f.get("topic")), text(f.get("counterpart")));
            return new Delegations(filter, constant(DelegationOrder.class, arguments.get("orderBy")), firstOf(arguments),
                    text(arguments.get("after")));
        }

        @Override
        public KeysetQuery<?> plan(Planners planners) {
            return planners.delegations().plan(filter, orderBy, first, after);
        }
    }

    record Awards(AwardFilter filter, Integer first, String after) implements PageRequest {

        static Awards of(Map<String, Object> arguments) {
            Map<?, ?> f = mappedFilter(arguments, Set.of("filter", "first", "after"),
                    Set.of("recipientId", "conferredBy", "delegationId", "from", "to"));
            AwardFilter filter = f == null ? null
                    : new AwardFilter(text(f.get("recipientId")), text(f.get("conferredBy")), text(f.get("delegationId")),
                            date(f.get("from")), date(f.get("to")));
            return new Awards(filter, firstOf(arguments), text(arguments.get("after")));
        }

        @Override
        public KeysetQuery<?> plan(Planners planners) {
            return planners.awards().plan(filter, first, after);
        }
    }

    record Persons(String search, String country, Integer first, String after) implements PageRequest {

        static Persons of(Map<String, Object> arguments) {
            mappedFilter(arguments, Set.of("search", "country", "first", "after"), Set.of());
            return new Persons(text(arguments.get("search")), text(arguments.get("country")), firstOf(arguments),
                    text(arguments.get("after")));
        }

        @Override
        public KeysetQuery<?> plan(Planners planners) {
            return planners.persons().plan(search, country, first, after);
        }
    }

    record Agreements(AgreementFilter filter, Integer first, String after) implements PageRequest {

        static Agreements of(Map<String, Object> arguments) {
            Map<?, ?> f = mappedFilter(arguments, Set.of("filter", "first", "after"),
                    Set.of("party", "delegationId", "signatoryId", "kind", "from", "to"));
            AgreementFilter filter = f == null ? null
                    : new AgreementFilter(text(f.get("party")), text(f.get("delegationId")), text(f.get("signatoryId")),
                            constant(AgreementKind.class, f.get("kind")), date(f.get("from")), date(f.get("to")));
            return new Agreements(filter, firstOf(arguments), text(arguments.get("after")));
        }

        @Override
        public KeysetQuery<?> plan(Planners planners) {
            return planners.agreements().plan(filter, first, after);
        }
    }

    /** The filter argument's fields (null when it is not given), once the arguments are known to be mapped here. */
    private static Map<?, ?> mappedFilter(Map<String, Object> arguments, Set<String> names, Set<String> filterFields) {
        mapped(arguments, names);
        Object filter = arguments.get("filter");
        if (filter == null) {
            return null;
        }
        if (!(filter instanceof Map<?, ?> fields) || !filterFields.containsAll(fields.keySet())) {
            throw new SqlSelection.Unsupported("a filter not mapped here");
        }
        return fields;
    }
}
