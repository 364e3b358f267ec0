package org.attache.graphql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attache.delegation.DelegationFilter;
import org.attache.delegation.DelegationKind;
import org.attache.delegation.DelegationOrder;
import org.attache.delegation.DelegationService;
import org.attache.delegation.DelegationStatus;

import graphql.execution.ExecutionContext;
import graphql.execution.ValuesResolver;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;

/**
 * One query operation as one SQL statement that builds the whole {@code data} object inside PostgreSQL
 * (json_build_object, json_agg), the way PostGraphile answers: a root field becomes a subquery, a reference a lookup
 * by key, a list a json_agg over the child rows in the order the resolvers use. Only what {@link #TYPES} maps can be
 * compiled; anything else (another root field, a field with arguments below the root, cursors of orders other than
 * by start date) throws {@link Unsupported} and the operation goes to the resolvers, which stay the reference for
 * every answer.
 */
final class SqlSelection {

    /** The operation uses something this compiler does not map; the resolvers answer it. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** SQL with JDBC's positional parameters and their values in order. */
    record Statement(String sql, List<Object> values) {
    }

    private sealed interface Mapping permits Column, Reference, Children, Total {
    }

    /** A column; ids are sent as text, as the ID type is a string. */
    private record Column(String column, boolean id) implements Mapping {
    }

    /** The row of another table whose key this row's column holds (null when the column is). */
    private record Reference(String type, String key, String column) implements Mapping {
    }

    /** The rows of another table that point at this row's id, in the resolvers' order. */
    private record Children(String type, String column, List<String> orderBy) implements Mapping {
    }

    /** A country's running total, kept by triggers in country_activity (V5); 0 where it has no row yet. */
    private record Total(String column) implements Mapping {
    }

    private record Table(String name, Map<String, Mapping> fields) {
    }

    private static final Map<String, Table> TYPES = Map.of(
            "Delegation", new Table("delegation", fields(
                    "id", id(), "title", column("title"), "kind", column("kind"), "status", column("status"),
                    "startDate", column("start_date"), "endDate", column("end_date"), "summary", column("summary"),
                    "version", column("version"), "createdBy", column("created_by"), "updatedBy", column("updated_by"),
                    "hostCountry", new Reference("Country", "code", "host_country_code"),
                    "visitingCountry", new Reference("Country", "code", "visiting_country_code"),
                    "head", new Reference("Person", "id", "head_id"),
                    "agenda", new Children("AgendaItem", "delegation_id", List.of("item_date", "start_time nulls last", "id")),
                    "awards", new Children("Award", "delegation_id", List.of("conferred_on", "id")))),
            "AgendaItem", new Table("agenda_item", fields(
                    "id", id(), "kind", column("kind"), "title", column("title"), "date", column("item_date"),
                    "startTime", column("start_time"), "location", column("location"), "description", column("description"),
                    "version", column("version"), "createdBy", column("created_by"), "updatedBy", column("updated_by"),
                    "delegation", new Reference("Delegation", "id", "delegation_id"))),
            "Award", new Table("award", fields(
                    "id", id(), "name", column("name"), "kind", column("kind"), "conferredOn", column("conferred_on"),
                    "citation", column("citation"), "version", column("version"), "createdBy", column("created_by"),
                    "updatedBy", column("updated_by"),
                    "recipient", new Reference("Person", "id", "recipient_id"),
                    "conferredBy", new Reference("Country", "code", "conferred_by_code"),
                    "delegation", new Reference("Delegation", "id", "delegation_id"))),
            "Person", new Table("person", fields(
                    "id", id(), "fullName", column("full_name"), "rank", column("rank"), "position", column("position"),
                    "version", column("version"), "createdBy", column("created_by"), "updatedBy", column("updated_by"),
                    "country", new Reference("Country", "code", "country_code"))),
            "Country", new Table("country", fields("code", column("code"), "name", column("name"),
                    "hostedCount", new Total("hosted"), "sentCount", new Total("sent"),
                    "awardsConferredCount", new Total("awards_conferred"))));

    /** json_build_object takes at most 100 arguments: 50 keys. */
    private static final int MAX_KEYS = 50;
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

    private final ExecutionContext execution;
    /** Plans a page of visits from the delegations field's arguments; null to check the shape only. */
    private final Function<PageArguments, DelegationService.Search> delegations;
    private final Map<String, Object> parameters = new HashMap<>();
    private int aliases;

    private SqlSelection(ExecutionContext execution, Function<PageArguments, DelegationService.Search> delegations) {
        this.execution = execution;
        this.delegations = delegations;
    }

    /** Throws {@link Unsupported} unless the operation can be compiled; touches no database. */
    static void check(ExecutionContext execution) {
        new SqlSelection(execution, null).root();
    }

    /** The statement for the operation; the planner runs the delegations field's checks (which may throw ApiException). */
    static Statement compile(ExecutionContext execution, Function<PageArguments, DelegationService.Search> delegations) {
        SqlSelection selection = new SqlSelection(execution, delegations);
        String sql = selection.root();
        // Named parameters while composing (pieces come from DelegationService's query), positional for JDBC.
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder(sql.length());
        List<Object> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(selection.parameters.get(matcher.group(1)));
            matcher.appendReplacement(positional, "?");
        }
        matcher.appendTail(positional);
        return new Statement(positional.toString(), values);
    }

    private String root() {
        OperationDefinition operation = execution.getOperationDefinition();
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            throw new Unsupported("not a query");
        }
        Map<String, List<Field>> fields = collect(List.of(operation.getSelectionSet()), "Query");
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, List<Field>> entry : fields.entrySet()) {
            Field field = entry.getValue().get(0);
            String value = switch (field.getName()) {
                case "__typename" -> "'Query'";
                case "delegation" -> delegation(field);
                case "delegations" -> delegationPage(field, entry.getValue());
                case "countries" -> countries(entry.getValue());
                default -> throw new Unsupported("root field " + field.getName());
            };
            entries.add(entry(entry.getKey(), value));
        }
        return "select cast(" + object(entries) + " as text)";
    }

    private String delegation(Field field) {
        Object id = arguments(field).get("id");
        if (id != null && !(id instanceof String)) {
            throw new Unsupported("an id that is not a string");
        }
        String alias = alias();
        return "(select " + object("Delegation", subfields(List.of(field), "Delegation"), alias) + " from delegation "
                + alias + " where " + alias + ".id = " + parameter(id == null ? null : Ids.tryParse(id.toString())) + ")";
    }

    /** Every country, by name, as CountryService.all lists them. */
    private String countries(List<Field> merged) {
        String alias = alias();
        return "coalesce((select json_agg(" + object("Country", subfields(merged, "Country"), alias) + " order by " + alias
                + ".name) from country " + alias + "), cast('[]' as json))";
    }

    private String delegationPage(Field field, List<Field> merged) {
        PageArguments arguments = PageArguments.of(arguments(field));
        DelegationService.Search search = delegations == null ? null : delegations.apply(arguments);
        String prefix = "r" + (aliases++) + "_";
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, List<Field>> entry : subfields(merged, "DelegationConnection").entrySet()) {
            Field child = entry.getValue().get(0);
            String value = switch (child.getName()) {
                case "__typename" -> "'DelegationConnection'";
                case "totalCount" -> search == null ? "0" : "(" + bind(search.query().countSql(), search, prefix) + ")";
                case "nodes" -> rows(object("Delegation", subfields(entry.getValue(), "Delegation"), "e"), search, prefix);
                case "edges" -> rows(edge(entry.getValue(), search), search, prefix);
                case "pageInfo" -> pageInfo(entry.getValue(), search, prefix);
                default -> throw new Unsupported("DelegationConnection." + child.getName());
            };
            entries.add(entry(entry.getKey(), value));
        }
        return object(entries);
    }

    private String pageInfo(List<Field> merged, DelegationService.Search search, String prefix) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, List<Field>> entry : subfields(merged, "PageInfo").entrySet()) {
            String value = switch (entry.getValue().get(0).getName()) {
                case "__typename" -> "'PageInfo'";
                case "hasNextPage" -> search == null ? "false" : "(select count(*) > " + search.pageSize() + " from ("
                        + bind(search.query().pageSql(search.orderBy(), search.pageSize() + 1), search, prefix) + ") e)";
                case "endCursor" -> search == null ? "null" : "(select (array_agg(" + cursor(search) + " order by "
                        + bind(search.orderBy(), search, prefix) + "))[count(*)] from ("
                        + bind(search.query().pageSql(search.orderBy(), search.pageSize()), search, prefix) + ") e)";
                default -> throw new Unsupported("PageInfo." + entry.getValue().get(0).getName());
            };
            entries.add(entry(entry.getKey(), value));
        }
        return object(entries);
    }

    /** The page's rows (alias e), each as this JSON, in the page's order; the JSON alone when checking the shape. */
    private String rows(String json, DelegationService.Search search, String prefix) {
        return search == null ? json : "coalesce((select json_agg(" + json + " order by " + bind(search.orderBy(), search, prefix)
                + ") from (" + bind(search.query().pageSql(search.orderBy(), search.pageSize()), search, prefix)
                + ") e), cast('[]' as json))";
    }

    private String edge(List<Field> merged, DelegationService.Search search) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, List<Field>> entry : subfields(merged, "DelegationEdge").entrySet()) {
            String value = switch (entry.getValue().get(0).getName()) {
                case "__typename" -> "'DelegationEdge'";
                case "cursor" -> cursor(search);
                case "node" -> object("Delegation", subfields(entry.getValue(), "Delegation"), "e");
                default -> throw new Unsupported("DelegationEdge." + entry.getValue().get(0).getName());
            };
            entries.add(entry(entry.getKey(), value));
        }
        return object(entries);
    }

    /**
     * The cursor of the page's row e, as Cursor.encode writes it for DelegationConnection: base64url without padding of
     * the list's kind, the start date and the id, separated by U+001F. Only for orders by start date, whose key
     * PostgreSQL and Java write alike (ISO dates); the others' cursors stay with the resolvers.
     */
    private static String cursor(DelegationService.Search search) {
        if (search == null) {
            return "null"; // checking the shape only
        }
        if (search.order() != DelegationOrder.START_DATE_ASC && search.order() != DelegationOrder.START_DATE_DESC) {
            throw new Unsupported("cursors of " + search.order());
        }
        return "rtrim(translate(encode(convert_to('delegation:" + search.order() + "' || chr(31) || e.start_date || chr(31)"
                + " || e.id, 'UTF8'), 'base64'), '+/' || chr(10), '-_'), '=')";
    }

    /** The planned SQL with its parameters renamed apart, so that two pages in one operation cannot clash. */
    private String bind(String sql, DelegationService.Search search, String prefix) {
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder renamed = new StringBuilder();
        Map<String, Object> values = search.query().pageParameters();
        while (matcher.find()) {
            String name = prefix + matcher.group(1);
            parameters.put(name, values.get(matcher.group(1)));
            matcher.appendReplacement(renamed, ":" + name);
        }
        matcher.appendTail(renamed);
        return renamed.toString();
    }

    /** A row of the given type as a JSON object with the selected keys, in the order selected. */
    private String object(String typeName, Map<String, List<Field>> fields, String alias) {
        Table table = TYPES.get(typeName);
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, List<Field>> entry : fields.entrySet()) {
            Field field = entry.getValue().get(0);
            if (field.getName().equals("__typename")) {
                entries.add(entry(entry.getKey(), "'" + typeName + "'"));
                continue;
            }
            Mapping mapping = table.fields().get(field.getName());
            if (mapping == null || !field.getArguments().isEmpty()) {
                throw new Unsupported(typeName + "." + field.getName());
            }
            entries.add(entry(entry.getKey(), value(mapping, entry.getValue(), alias)));
        }
        return object(entries);
    }

    private String value(Mapping mapping, List<Field> merged, String alias) {
        String inner = alias();
        if (mapping instanceof Column column) {
            return column.id() ? "cast(" + alias + "." + column.column() + " as text)" : alias + "." + column.column();
        }
        if (mapping instanceof Total total) {
            return "coalesce((select " + inner + "." + total.column() + " from country_activity " + inner + " where " + inner
                    + ".country_code = " + alias + ".code), 0)";
        }
        if (mapping instanceof Reference reference) {
            return "(select " + object(reference.type(), subfields(merged, reference.type()), inner) + " from "
                    + TYPES.get(reference.type()).name() + " " + inner + " where " + inner + "." + reference.key() + " = "
                    + alias + "." + reference.column() + ")";
        }
        Children children = (Children) mapping;
        List<String> order = children.orderBy().stream().map(column -> inner + "." + column).toList();
        return "coalesce((select json_agg(" + object(children.type(), subfields(merged, children.type()), inner) + " order by "
                + String.join(", ", order) + ") from " + TYPES.get(children.type()).name() + " " + inner + " where " + inner
                + "." + children.column() + " = " + alias + ".id), cast('[]' as json))";
    }

    private static String object(List<String> entries) {
        if (entries.size() > MAX_KEYS) {
            throw new Unsupported("more than " + MAX_KEYS + " keys in one selection");
        }
        return "json_build_object(" + String.join(", ", entries) + ")";
    }

    /** Response keys are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): safe inside a SQL string literal. */
    private static String entry(String key, String value) {
        return "'" + key + "', " + value;
    }

    private String parameter(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    private String alias() {
        return "t" + (aliases++);
    }

    private Map<String, List<Field>> subfields(List<Field> merged, String typeName) {
        List<SelectionSet> sets = new ArrayList<>();
        for (Field field : merged) {
            if (field.getSelectionSet() == null) {
                throw new Unsupported("a composite field without a selection");
            }
            sets.add(field.getSelectionSet());
        }
        return collect(sets, typeName);
    }

    /**
     * The fields selected on an object type, by response key, with fragments inlined and @skip/@include applied, as
     * graphql-java collects them. Every type compiled here is an object type, so a fragment applies when it names it.
     */
    private Map<String, List<Field>> collect(List<SelectionSet> sets, String typeName) {
        Map<String, List<Field>> fields = new LinkedHashMap<>();
        for (SelectionSet set : sets) {
            collect(set, typeName, fields);
        }
        return fields;
    }

    private void collect(SelectionSet set, String typeName, Map<String, List<Field>> into) {
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (included(field.getDirectives())) {
                    into.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>()).add(field);
                }
            } else if (selection instanceof InlineFragment inline) {
                if (included(inline.getDirectives())
                        && (inline.getTypeCondition() == null || inline.getTypeCondition().getName().equals(typeName))) {
                    collect(inline.getSelectionSet(), typeName, into);
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = execution.getFragment(spread.getName());
                if (included(spread.getDirectives()) && fragment.getTypeCondition().getName().equals(typeName)) {
                    collect(fragment.getSelectionSet(), typeName, into);
                }
            }
        }
    }

    private boolean included(List<Directive> directives) {
        for (Directive directive : directives) {
            boolean condition = condition(directive);
            switch (directive.getName()) {
                case "skip" -> {
                    if (condition) {
                        return false;
                    }
                }
                case "include" -> {
                    if (!condition) {
                        return false;
                    }
                }
                default -> throw new Unsupported("directive @" + directive.getName());
            }
        }
        return true;
    }

    private boolean condition(Directive directive) {
        var argument = directive.getArgument("if");
        if (argument != null && argument.getValue() instanceof BooleanValue literal) {
            return literal.isValue();
        }
        if (argument != null && argument.getValue() instanceof VariableReference variable
                && execution.getCoercedVariables().get(variable.getName()) instanceof Boolean value) {
            return value;
        }
        throw new Unsupported("directive @" + directive.getName() + " without a boolean");
    }

    /** A root field's arguments coerced as graphql-java coerces them for the resolvers. */
    private Map<String, Object> arguments(Field field) {
        var definition = execution.getGraphQLSchema().getQueryType().getFieldDefinition(field.getName());
        return ValuesResolver.getArgumentValues(execution.getGraphQLSchema().getCodeRegistry(), definition.getArguments(),
                field.getArguments(), execution.getCoercedVariables(), execution.getGraphQLContext(), execution.getLocale());
    }

    /**
     * The delegations field's arguments as its resolver receives them. Values of another type than the resolver's
     * (SmallRye's scalars accept some that its argument conversion then refuses) are left to the resolvers.
     */
    record PageArguments(DelegationFilter filter, DelegationOrder orderBy, Integer first, String after) {

        static PageArguments of(Map<String, Object> arguments) {
            try {
                DelegationFilter filter = null;
                if (arguments.get("filter") instanceof Map<?, ?> f) {
                    filter = new DelegationFilter(text(f.get("text")), text(f.get("hostCountry")), text(f.get("visitingCountry")),
                            text(f.get("country")), date(f.get("from")), date(f.get("to")),
                            constant(DelegationStatus.class, f.get("status")), constant(DelegationKind.class, f.get("kind")),
                            text(f.get("personId")), text(f.get("topic")));
                } else if (arguments.get("filter") != null) {
                    throw new Unsupported("a filter that is not an object");
                }
                Object first = arguments.get("first");
                if (first != null && !(first instanceof Number)) {
                    throw new Unsupported("first that is not a number");
                }
                // SmallRye's Int arrives as a BigDecimal; a fraction or a value past int is the resolver's to refuse.
                Integer size = first == null ? null : new BigDecimal(first.toString()).intValueExact();
                return new PageArguments(filter, constant(DelegationOrder.class, arguments.get("orderBy")), size,
                        text(arguments.get("after")));
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                throw new Unsupported("an argument the resolver would refuse: " + e.getMessage());
            }
        }

        DelegationService.Search plan(DelegationService service) {
            return service.plan(filter, orderBy, first, after);
        }

        private static String text(Object value) {
            if (value != null && !(value instanceof String)) {
                throw new Unsupported("a string argument that is not a string");
            }
            return (String) value;
        }

        private static LocalDate date(Object value) {
            return value == null ? null : value instanceof LocalDate date ? date : LocalDate.parse(text(value));
        }

        private static <E extends Enum<E>> E constant(Class<E> type, Object value) {
            return value == null ? null : Enum.valueOf(type, value instanceof Enum<?> e ? e.name() : text(value));
        }
    }

    private static Map<String, Mapping> fields(Object... pairs) {
        Map<String, Mapping> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Mapping) pairs[i + 1]);
        }
        return Map.copyOf(fields);
    }

    private static Column column(String name) {
        return new Column(name, false);
    }

    private static Column id() {
        return new Column("id", true);
    }
}
