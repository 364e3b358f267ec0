package org.attache.sqlread;

import static org.attache.persistence.Sql.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.attache.agenda.AgendaItemKind;
import org.attache.api.ApiException;
import org.attache.api.ErrorCode;
import org.attache.api.Ids;
import org.attache.api.NodeIds;
import org.attache.api.SqlText;
import org.attache.country.Country;
import org.attache.country.CountryService;
import org.attache.history.ChangeHistory;
import org.attache.node.NodeService;
import org.attache.persistence.KeysetQuery;
import org.attache.persistence.ListOrder;
import org.attache.persistence.Sql;
import org.attache.security.Actor;
import org.attache.sqlread.ReadModel.Children;
import org.attache.sqlread.ReadModel.Column;
import org.attache.sqlread.ReadModel.Joined;
import org.attache.sqlread.ReadModel.Mapping;
import org.attache.sqlread.ReadModel.NodeId;
import org.attache.sqlread.ReadModel.Reference;
import org.attache.sqlread.ReadModel.Table;
import org.attache.sqlread.ReadModel.Timestamp;
import org.attache.sqlread.ReadModel.Total;
import org.attache.sqlread.ReadModel.Values;
import org.attache.stats.StatsService;
import org.attache.topic.Topic;

import graphql.execution.ExecutionContext;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * One query operation as one SQL statement that builds the whole {@code data} object inside PostgreSQL
 * (json_build_object, json_agg), the way PostGraphile answers: a root field becomes a subquery, a reference a lookup
 * by key, a list a json_agg over the child rows in the order the resolvers use. Only what the {@link ReadModel} maps
 * (Hibernate's mapping of the entities) can be compiled; anything else (another root field, a field with arguments
 * below the root, a filter argument added later) throws {@link Unsupported} and the operation goes to the
 * resolvers, which stay the reference for every answer.
 */
final class SqlSelection {

    /** The operation uses something this compiler does not map; the resolvers answer it. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    // Why a field next to compiled ones is left to the resolvers; RESOLVER_ONLY gives each field one of these.
    private static final String EDITORS = "drafts for editors only, whose reads are few";

    /**
     * The fields next to compiled ones that this compiler leaves to the resolvers, each with the reason: an operation
     * selecting one is answered by the resolvers as a whole. SqlSelectionCoverageTest asks the compiler about every
     * field reachable from Query and fails on one that is neither compiled nor listed here.
     */
    static final Map<String, String> RESOLVER_ONLY = Map.ofEntries(
            Map.entry("Query.pressReleaseImport", EDITORS),
            Map.entry("Query.pressReleaseImports", EDITORS));

    /**
     * Types kept in tables that this compiler leaves to the resolvers wherever they appear (as a node id's record, say),
     * each with the reason.
     */
    static final Map<String, String> RESOLVER_ONLY_TYPES = Map.of("PressReleaseImport", EDITORS);

    /** json_build_object takes at most 100 arguments: 50 keys. */
    private static final int MAX_KEYS = 50;
    /** As NodeService.MAX_IDS, which json_build_array's 100 arguments also hold. */
    private static final int MAX_NODE_IDS = NodeService.MAX_IDS;
    private static final Sql NULL = Sql.of("null");
    private static final String EMPTY_LIST = "), cast('[]' as json))";

    private final ExecutionContext execution;
    private final ReadModel model;
    /** The services that plan the pages and count the statistics, with the resolvers' checks; null to check the shape only. */
    private final PageRequest.Planners planners;
    /** The common table expressions of the operation's pages and statistics, in the order planned. */
    private final List<Sql> pages = new ArrayList<>();
    /**
     * Conditions (SQL) under which the resolvers refuse what the arguments alone did not show, such as a statistic
     * whose data spans too many periods: the operation then goes to them, and they say why.
     */
    private final List<String> refusals = new ArrayList<>();
    /** Whether the caller sees drafted records (an editor); the resolvers' rule, in SQL. */
    private final boolean seesDrafts;
    /** Who asks (null when checking the shape only): for what a role guards, such as the history. */
    private final Actor caller;
    private int aliases;
    /** The order of keys graphql-java's executor writes, per field of an abstract type and object type below it. */
    private final Map<List<Object>, List<String>> executorOrder = new HashMap<>();

    private SqlSelection(ExecutionContext execution, ReadModel model, PageRequest.Planners planners, Actor caller) {
        this.execution = execution;
        this.model = model;
        this.planners = planners;
        this.caller = caller;
        this.seesDrafts = caller != null && caller.seesDrafts();
    }

    /** Throws {@link Unsupported} unless the operation can be compiled; touches no database. */
    static void check(ExecutionContext execution, ReadModel model) {
        new SqlSelection(execution, model, null, null).root();
    }

    /**
     * The statement for the operation: one row of the data (text) and whether the resolvers would refuse it after all
     * (boolean). The planners run the resolvers' checks of the arguments first (which may throw ApiException).
     */
    static Sql compile(ExecutionContext execution, ReadModel model, PageRequest.Planners planners, Actor caller) {
        return new SqlSelection(execution, model, planners, caller).root();
    }

    private Sql root() {
        if (execution.getOperationDefinition().getOperation() != OperationDefinition.Operation.QUERY) {
            throw new Unsupported("not a query");
        }
        // The normalized operation is made once per execution: RequestLimits measured this one.
        ExecutableNormalizedOperation operation = execution.getNormalizedQueryTree().get();
        Sql data = json("Query", byKey(operation.getTopLevelFields(), "Query"), field -> switch (field.getName()) {
            case "delegation", "agendaItem", "award", "agreement", "person" -> byId(field);
            case "node" -> node(field, field.getResolvedArguments().get("id"));
            case "nodes" -> nodes(field);
            case "countries" -> all("Country", Country.ORDER, field);
            case "country" -> country(field);
            case "topics" -> all("Topic", Topic.ORDER, field);
            case "cooperationStats" -> cooperation(field);
            case "countryPairs" -> pairs(field);
            case "topicTrends" -> trends(field);
            case "history" -> history(field);
            default -> connection(field);
        });
        return sql(pages.isEmpty() ? "" : sql("with ", Sql.join(", ", pages), " "), "select cast(", data, " as text), "
                + (refusals.isEmpty() ? "false" : String.join(" or ", refusals)));
    }

    /**
     * Drafted records, for those who do not see them, by type: the condition (on alias %s) the services' find methods
     * apply in Java. A type not named here has no drafts.
     */
    private static final Map<String, String> PUBLISHED = Map.of(
            "Delegation", " and %s.status <> 'DRAFT'",
            "AgendaItem", " and exists (select 1 from delegation d where d.id = %s.delegation_id and d.status <> 'DRAFT')",
            "Award", " and not %s.draft",
            "Agreement", " and not %s.draft");

    /** A root lookup by id (delegation, award, ...): the record of the field's type with that id, or null. */
    private Sql byId(ExecutableNormalizedField field) {
        Object id = field.getResolvedArguments().get("id");
        if (id != null && !(id instanceof String)) {
            throw new Unsupported("an id that is not a string");
        }
        String typeName = GraphQLTypeUtil.unwrapAll(
                execution.getGraphQLSchema().getQueryType().getFieldDefinition(field.getName()).getType()).getName();
        return lookup(typeName, field, id == null ? null : Ids.tryParse(id.toString()));
    }

    /** A record of a compiled type by its key, or null: none, or a draft for one who does not see drafts. */
    private Sql lookup(String typeName, ExecutableNormalizedField field, Object key) {
        String condition = seesDrafts ? "" : PUBLISHED.getOrDefault(typeName, "");
        return lookup(typeName, field, keyColumn(typeName), key, condition);
    }

    /** The column a compiled type's records are found by: the key its node ids carry. */
    private String keyColumn(String typeName) {
        return table(typeName).key();
    }

    /**
     * The record a node id names, of any compiled type, as NodeService finds it: null for an id that is not one (or not
     * written as NodeIds writes it), names no record, or names a draft the caller does not see.
     */
    private Sql node(ExecutableNormalizedField field, Object id) {
        NodeIds.Parts parts = id instanceof String text ? NodeIds.decode(text) : null;
        GraphQLSchema schema = execution.getGraphQLSchema();
        if (parts == null || !(schema.getType(parts.type()) instanceof GraphQLObjectType type)
                || !type.getInterfaces().contains(schema.getType("Node"))) {
            return NULL;
        }
        // Keys as NodeService reads them (ids are numbers, codes and slugs text); an id not written as the record's
        // own (Delegation:007) names nothing.
        Object key = keyColumn(parts.type()).equals("id") ? Ids.tryParse(parts.key()) : parts.key();
        return key == null || !NodeIds.encode(parts.type(), key.toString()).equals(id) ? NULL
                : lookup(parts.type(), field, key);
    }

    /** Each node id's record, in the order given, null where node(id:) would be. */
    private Sql nodes(ExecutableNormalizedField field) {
        if (!(field.getResolvedArguments().get("ids") instanceof List<?> ids) || ids.size() > MAX_NODE_IDS) {
            throw new Unsupported("ids the resolver refuses");
        }
        return sql("json_build_array(", Sql.join(", ", ids.stream().map(id -> node(field, id)).toList()), ")");
    }

    /** Every record of a type, in its order: every topic or country, as TopicService.all and CountryService.all. */
    private Sql all(String typeName, ListOrder order, ExecutableNormalizedField field) {
        String alias = alias();
        Table table = table(typeName);
        return sql("coalesce((select json_agg(", object(typeName, subfields(field, typeName), alias), " order by "
                + order.sql(alias, table::column) + ") from " + table.name() + " " + alias + EMPTY_LIST);
    }

    /** The country with a code, in any case, as CountryService.find reads it. */
    private Sql country(ExecutableNormalizedField field) {
        if (!(field.getResolvedArguments().get("code") instanceof String code)) {
            throw new Unsupported("a code that is not a string");
        }
        return lookup("Country", field, CountryService.normalized(code));
    }

    /** The row of a type whose key column holds the value (null when none does), with every selection of it merged. */
    private Sql lookup(String typeName, ExecutableNormalizedField field, String key, Object value, String condition) {
        String alias = alias();
        return sql("(select ", object(typeName, subfields(field, typeName), alias), " from " + table(typeName).name()
                + " " + alias + " where " + alias + "." + key + " = ", Sql.value(value), condition.replace("%s", alias) + ")");
    }

    /**
     * A page of a root connection (its types named by the schema: Connection, its edges, its nodes), planned by the
     * feature's service as for its resolver. Its rows are fetched once, in a common table expression numbered in the
     * page's order, with one row more than the page so that hasNextPage needs no second fetch; nodes, edges and the
     * cursors all read it.
     */
    private Sql connection(ExecutableNormalizedField field) {
        PageRequest request = PageRequest.of(field.getName(), field.getResolvedArguments());
        GraphQLObjectType connection = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(
                execution.getGraphQLSchema().getQueryType().getFieldDefinition(field.getName()).getType());
        String edgeType = GraphQLTypeUtil.unwrapAll(connection.getFieldDefinition("edges").getType()).getName();
        String nodeType = GraphQLTypeUtil.unwrapAll(connection.getFieldDefinition("nodes").getType()).getName();
        Page page = planners == null ? null : page(request.plan(planners));
        return json(connection.getName(), subfields(field, connection.getName()),
                child -> switch (child.getName()) {
                    case "totalCount" -> page == null ? Sql.of("0") : sql("(", page.query().countSql(), ")");
                    case "nodes" -> rows(object(nodeType, subfields(child, nodeType), "e"), page);
                    case "edges" -> rows(edge(edgeType, nodeType, child), page);
                    case "pageInfo" -> pageInfo(child, page);
                    default -> throw new Unsupported(connection.getName() + "." + child.getName());
                });
    }

    /** A planned page and its table expression's name. */
    private record Page(KeysetQuery<?> query, String name) {

        int size() {
            return query.pageSize();
        }
    }

    private Page page(KeysetQuery<?> query) {
        Page page = new Page(query, "page" + pages.size());
        pages.add(sql(page.name() + " as (select e.*, row_number() over (order by ", query.orderBy(), ") as page_row from (",
                query.pageSql(query.pageSize() + 1), ") e)"));
        return page;
    }

    /** As Page.pageInfo, from the page's rows: the cursors are the ones the database wrote for them (e.cursor). */
    private Sql pageInfo(ExecutableNormalizedField pageInfo, Page page) {
        return json("PageInfo", subfields(pageInfo, "PageInfo"), field -> switch (field.getName()) {
            case "hasNextPage" -> Sql.of(page == null ? "false"
                    : "(select count(*) > " + page.size() + " from " + page.name() + ")");
            case "hasPreviousPage" -> Sql.of(page != null && page.query().after() != null ? "true" : "false");
            case "startCursor" -> page == null ? NULL
                    : Sql.of("(select e.cursor from " + page.name() + " e where e.page_row = 1 and e.page_row <= "
                            + page.size() + ")");
            case "endCursor" -> page == null ? NULL
                    : sql("coalesce((select e.cursor from " + page.name() + " e where e.page_row <= " + page.size()
                            + " order by e.page_row desc limit 1), cast(", Sql.value(page.query().after()), " as text))");
            default -> throw new Unsupported("PageInfo." + field.getName());
        });
    }

    /** The page's rows (alias e), each as this JSON, in the page's order; the JSON alone when checking the shape. */
    private static Sql rows(Sql json, Page page) {
        return page == null ? json
                : sql("coalesce((select json_agg(", json, " order by e.page_row) from " + page.name()
                        + " e where e.page_row <= " + page.size() + EMPTY_LIST);
    }

    private Sql edge(String edgeType, String nodeType, ExecutableNormalizedField edges) {
        return json(edgeType, subfields(edges, edgeType), field -> switch (field.getName()) {
            case "cursor" -> Sql.of("e.cursor");
            case "node" -> object(nodeType, subfields(field, nodeType), "e");
            default -> throw new Unsupported(edgeType + "." + field.getName());
        });
    }

    /** A row of the given type as a JSON object with the selected keys, in the order selected. */
    private Sql object(String typeName, Map<String, ExecutableNormalizedField> fields, String alias) {
        Table table = table(typeName);
        return json(typeName, fields, field -> {
            Mapping mapping = table.fields().get(field.getName());
            if (mapping == null || !field.getAstArguments().isEmpty()) {
                throw new Unsupported(typeName + "." + field.getName());
            }
            if (mapping instanceof NodeId) {
                return Sql.of(NodeIds.sql(typeName, "cast(" + alias + "." + table.key() + " as text)"));
            }
            return value(mapping, field, table, alias);
        });
    }

    /**
     * A selection on a type as json_build_object, keys in the order selected: {@code __typename} is the type's name,
     * every other field what {@code value} makes of it. Response keys are GraphQL names
     * ([_A-Za-z][_0-9A-Za-z]*), safe inside a SQL string literal.
     */
    private static Sql json(String typeName, Map<String, ExecutableNormalizedField> fields,
            Function<ExecutableNormalizedField, Sql> value) {
        if (fields.size() > MAX_KEYS) {
            throw new Unsupported("more than " + MAX_KEYS + " keys in one selection");
        }
        List<Sql> entries = new ArrayList<>();
        fields.forEach((key, field) -> entries.add(sql("'" + key + "', ",
                field.getName().equals("__typename") ? "'" + typeName + "'" : value.apply(field))));
        return sql("json_build_object(", Sql.join(", ", entries), ")");
    }

    /** A field's value on a row of the owner's table (alias): null owner for a reference from a computed row. */
    private Sql value(Mapping mapping, ExecutableNormalizedField field, Table owner, String alias) {
        if (mapping instanceof Column column) {
            return Sql.of(
                    column.asText() ? "cast(" + alias + "." + column.column() + " as text)" : alias + "." + column.column());
        }
        if (mapping instanceof Timestamp timestamp) {
            return Sql.of(SqlText.isoTimestamp(alias + "." + timestamp.column()));
        }
        String inner = alias();
        if (mapping instanceof Total total) {
            return Sql.of("coalesce((select " + inner + "." + total.column() + " from country_activity " + inner + " where "
                    + inner + ".country_code = " + alias + ".code), 0)");
        }
        if (mapping instanceof Reference reference) {
            Table referenced = table(reference.type());
            return sql("(select ", object(reference.type(), subfields(field, reference.type()), inner), " from "
                    + referenced.name() + " " + inner + " where " + inner + "." + referenced.key() + " = " + alias + "."
                    + reference.column() + ")");
        }
        String own = owner == null ? null : alias + "." + owner.key();
        if (mapping instanceof Values values) {
            return Sql.of("coalesce((select json_agg(" + inner + "." + values.column() + " order by " + inner + "."
                    + values.column() + ") from " + values.table() + " " + inner + " where " + inner + "." + values.own()
                    + " = " + own + EMPTY_LIST);
        }
        if (mapping instanceof Joined joined) {
            String link = alias();
            Table linked = table(joined.type());
            String order = joined.position() != null ? link + "." + joined.position()
                    : joined.order().sql(inner, linked::column);
            return sql("coalesce((select json_agg(", object(joined.type(), subfields(field, joined.type()), inner),
                    " order by " + order + ") from " + joined.table() + " " + link + " join " + linked.name() + " " + inner
                            + " on " + inner + "." + linked.key() + " = " + link + "." + joined.other() + " where " + link
                            + "." + joined.own() + " = " + own + EMPTY_LIST);
        }
        Children children = (Children) mapping;
        Table child = table(children.type());
        String only = children.onlyColumn() == null ? ""
                : " and " + inner + "." + children.onlyColumn() + " = '" + children.onlyValue() + "'";
        return sql("coalesce((select json_agg(", object(children.type(), subfields(field, children.type()), inner),
                " order by " + children.order().sql(inner, child::column) + ") from " + child.name() + " " + inner
                        + " where " + inner + "." + children.column() + " = " + own + only
                        + (children.published() ? PUBLISHED.get(children.type()).replace("%s", inner) : "")
                        + EMPTY_LIST);
    }

    /**
     * A statistic's counting statement, checked and planned by StatsService as for its resolver, as a table expression
     * of the operation (named {@code counts} when checking the shape only); with a span, also the periods its answer
     * lists, which its rows name, and the refusal they may carry.
     */
    private record Counted(String counts, String periods) {
    }

    private Counted counted(ExecutableNormalizedField field, boolean spansPeriods) {
        String name = "counts"; // checking the shape only: the arguments are read when compiling
        if (planners != null) {
            name = "stats" + pages.size();
            pages.add(sql(name + " as (", StatsRequest.of(field.getName(), field.getResolvedArguments())
                    .count(planners.stats()), ")"));
        }
        if (!spansPeriods) {
            return new Counted(name, null);
        }
        refusals.add("exists (select 1 from " + name + " where refused)");
        return new Counted(name, "(select distinct c.start from " + name + " c where c.start is not null)");
    }

    /**
     * One record's changes, oldest first, as ChangeHistory lists them: its statement, checked by it, for a caller
     * with its reader's role (the resolvers refuse anyone else, and say so).
     */
    private Sql history(ExecutableNormalizedField field) {
        String rows = "h";
        if (planners != null) {
            if (!caller.may(ChangeHistory.READER)) {
                throw new ApiException(ErrorCode.FORBIDDEN, null, "history is for the " + ChangeHistory.READER + " role");
            }
            Map<String, Object> arguments = field.getResolvedArguments();
            Arguments.mapped(arguments, Set.of("entity", "id"));
            rows = "history" + pages.size();
            pages.add(sql(rows + " as (", planners.history().listing(Arguments.text(arguments.get("entity")),
                    Arguments.text(arguments.get("id"))), ")"));
        }
        Sql change = json("Change", subfields(field, "Change"), child -> Sql.of(switch (child.getName()) {
            case "entityId" -> "c.entity_id";
            case "entity", "operation", "actor", "before", "after" -> "c." + child.getName();
            case "at" -> SqlText.isoTimestamp("c.changed_at");
            default -> throw new Unsupported("Change." + child.getName());
        }));
        return sql("coalesce((select json_agg(", change, " order by c." + ChangeHistory.ORDER + ") from " + rows + " c"
                + EMPTY_LIST);
    }

    /** A country's activity per period, as StatsService.cooperation arranges the counted rows. */
    private Sql cooperation(ExecutableNormalizedField field) {
        Counted counted = counted(field, true);
        String agendaOrder = "array_position(array[" + String.join(", ", Arrays.stream(AgendaItemKind.values())
                .map(kind -> "'" + kind.name() + "'").toList()) + "], c.kind)"; // the enum's order, as an EnumMap's
        Sql period = json("CooperationPeriod", subfields(field, "CooperationPeriod"), child -> {
            String series = switch (child.getName()) {
                case "start" -> null;
                case "visitsHosted" -> "HOSTED";
                case "visitsMade" -> "MADE";
                case "awardsConferred" -> "CONFERRED";
                case "awardsReceived" -> "RECEIVED";
                case "agendaItems" -> "AGENDA";
                default -> throw new Unsupported("CooperationPeriod." + child.getName());
            };
            String rows = " from " + counted.counts() + " c where c.start = p.start and c.series = '" + series + "'";
            return switch (child.getName()) {
                case "start" -> Sql.of("p.start");
                case "agendaItems" -> sql("coalesce((select json_agg(", json("AgendaKindCount",
                        subfields(child, "AgendaKindCount"), item -> Sql.of(switch (item.getName()) {
                            case "kind" -> "c.kind";
                            case "count" -> "cast(c.n as int)";
                            default -> throw new Unsupported("AgendaKindCount." + item.getName());
                        })), " order by " + agendaOrder + ")" + rows + EMPTY_LIST);
                default -> Sql.of("coalesce((select cast(sum(c.n) as int)" + rows + "), 0)");
            };
        });
        return sql("coalesce((select json_agg(", period, " order by p.start) from " + counted.periods() + " p"
                + EMPTY_LIST);
    }

    /** The busiest pairs of countries, as StatsService.countryPairs lists them. */
    private Sql pairs(ExecutableNormalizedField field) {
        Counted counted = counted(field, false);
        Sql pair = json("CountryPair", subfields(field, "CountryPair"), child -> switch (child.getName()) {
            case "one" -> value(new Reference("Country", "one"), child, null, "r");
            case "other" -> value(new Reference("Country", "other"), child, null, "r");
            case "oneVisitedOther" -> Sql.of("cast(r.one_to_other as int)");
            case "otherVisitedOne" -> Sql.of("cast(r.other_to_one as int)");
            case "visits" -> Sql.of("cast(r.visits as int)");
            default -> throw new Unsupported("CountryPair." + child.getName());
        });
        return sql("coalesce((select json_agg(", pair, " order by " + StatsService.PAIR_ORDER + ") from "
                + counted.counts() + " r" + EMPTY_LIST);
    }

    /** Each topic discussed, period by period, as StatsService.topicTrends arranges the counted rows. */
    private Sql trends(ExecutableNormalizedField field) {
        Counted counted = counted(field, true);
        Sql trend = json("TopicTrend", subfields(field, "TopicTrend"), child -> switch (child.getName()) {
            case "topic" -> value(new Reference("Topic", "slug"), child, null, "r");
            case "visits" -> Sql.of("cast(r.visits as int)");
            case "periods" -> sql("coalesce((select json_agg(", json("TopicPeriod", subfields(child, "TopicPeriod"),
                    point -> Sql.of(switch (point.getName()) {
                        case "start" -> "p.start";
                        case "visits" -> "coalesce((select cast(c.n as int) from " + counted.counts()
                                + " c where c.slug = r.slug and c.start = p.start), 0)";
                        default -> throw new Unsupported("TopicPeriod." + point.getName());
                    })), " order by p.start) from " + counted.periods() + " p" + EMPTY_LIST);
            default -> throw new Unsupported("TopicTrend." + child.getName());
        });
        return sql("coalesce((select json_agg(", trend, " order by " + StatsService.TREND_ORDER + ") from (select c.slug,"
                + " max(c.visits) as visits from " + counted.counts() + " c where c.slug is not null group by c.slug) r"
                + EMPTY_LIST);
    }

    /** The table of a type this compiler reads; Unsupported for any other. */
    private Table table(String typeName) {
        Table table = model.table(typeName);
        if (table == null || RESOLVER_ONLY_TYPES.containsKey(typeName)) {
            throw new Unsupported("records of " + typeName);
        }
        return table;
    }

    private String alias() {
        return "t" + (aliases++);
    }

    /**
     * What is selected below a field on one object type, by response key, as graphql-java's normalized operation has it:
     * fragments inlined, @skip and @include applied, fields of the same key merged, in the order the resolvers write
     * the keys. Below an object type that is the order the operation first names them; below an interface (node,
     * nodes), the normalized operation lists a key first named in a fragment on another type early, so the order is
     * the one graphql-java's executor collects for this type.
     */
    private Map<String, ExecutableNormalizedField> subfields(ExecutableNormalizedField field, String typeName) {
        Map<String, ExecutableNormalizedField> selected = byKey(field.getChildren(), typeName);
        GraphQLSchema schema = execution.getGraphQLSchema();
        if (selected.size() < 2 || GraphQLTypeUtil.unwrapAll(field.getType(schema)) instanceof GraphQLObjectType) {
            return selected;
        }
        // Once per field and type: nodes(ids:) asks again for every id of the type.
        List<String> keys = executorOrder.computeIfAbsent(List.of(field, typeName), unused -> new FieldCollector()
                .collectFields(FieldCollectorParameters.newParameters().schema(schema)
                        .objectType(schema.getObjectType(typeName)).fragments(execution.getFragmentsByName())
                        .variables(execution.getCoercedVariables().toMap()).graphQLContext(execution.getGraphQLContext())
                        .build(), execution.getNormalizedQueryTree().get().getMergedField(field))
                .getKeys());
        if (keys.size() != selected.size() || !selected.keySet().containsAll(keys)) {
            throw new Unsupported("fields the executor collects otherwise than the normalized operation below " + typeName);
        }
        Map<String, ExecutableNormalizedField> ordered = new LinkedHashMap<>();
        keys.forEach(key -> ordered.put(key, selected.get(key)));
        return ordered;
    }

    private static Map<String, ExecutableNormalizedField> byKey(List<ExecutableNormalizedField> fields, String typeName) {
        Map<String, ExecutableNormalizedField> selected = new LinkedHashMap<>();
        for (ExecutableNormalizedField field : fields) {
            if (field.getObjectTypeNames().contains(typeName)) {
                selected.put(field.getResultKey(), field);
            }
        }
        return selected;
    }
}
