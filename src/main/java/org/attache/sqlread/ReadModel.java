package org.attache.sqlread;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.attache.agenda.AgendaItem;
import org.attache.agreement.Agreement;
import org.attache.award.Award;
import org.attache.delegation.Delegation;
import org.attache.delegation.DelegationMember;
import org.attache.delegation.VisitSource;
import org.attache.persistence.ListOrder;
import org.attache.person.Person;
import org.attache.topic.Topic;
import org.eclipse.microprofile.graphql.Type;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.CollectionType;
import org.hibernate.type.EntityType;

/**
 * Where the one-statement path reads each GraphQL type that is an entity, derived from Hibernate's mapping of it: its
 * table and key, each attribute's column, the key a reference holds, a list's join table and the position kept there,
 * the table of a collection of values. The GraphQL fields are the attributes of the same name. What the entities do
 * not hold themselves is declared here in the same terms: the lists read from the other side (a visit's agenda is the
 * items whose visit it is), in the order the resolvers list them, and a country's running totals.
 */
final class ReadModel {

    sealed interface Mapping permits Column, Timestamp, NodeId, Reference, Children, Joined, Values, Total {
    }

    /** A column; with {@code asText}, a key that is not text sent as text, as the ID type is a string. */
    record Column(String column, boolean asText) implements Mapping {
    }

    /** A timestamptz column, written as the API writes a DateTime. */
    record Timestamp(String column) implements Mapping {
    }

    /** The row of another type whose key this row's column holds (null when the column is). */
    record Reference(String type, String column) implements Mapping {
    }

    /**
     * The rows of another type whose column holds this row's key, in the resolvers' order; only those whose
     * {@code onlyColumn} is {@code onlyValue} when one is given, and with {@code published} only those that are not
     * drafts, for editors too.
     */
    record Children(String type, String column, ListOrder order, String onlyColumn, String onlyValue, boolean published)
            implements
                Mapping {
    }

    /**
     * The rows of another type linked to this row's key through a join table: in the order of the position kept there,
     * or without one, in the resolvers' order of that type.
     */
    record Joined(String type, String table, String own, String other, String position, ListOrder order)
            implements
                Mapping {
    }

    /** Values kept in a collection table of the entity, ordered by themselves as the resolvers order them. */
    record Values(String table, String own, String column) implements Mapping {
    }

    /** A record's node id, in NodeIds' format, from its type's name and key. */
    record NodeId() implements Mapping {
    }

    /** A country's running total, kept by triggers in country_activity (V5); 0 where it has no row yet. */
    record Total(String column) implements Mapping {
    }

    /** A type's table, the column its records are found by (the key node ids carry), and each field's mapping. */
    record Table(String name, String key, Map<String, Mapping> fields, Map<String, String> columns) {

        /** The column of one of the entity's attributes. */
        String column(String attribute) {
            String column = columns.get(attribute);
            if (column == null) {
                throw new IllegalStateException(name + " has no column for " + attribute);
            }
            return column;
        }
    }

    /** A list the entity does not hold: the rows of {@code type} whose {@code attribute} refers to the record. */
    private record Inverse(String type, String attribute, ListOrder order, String onlyAttribute, String onlyValue,
            boolean published) {

        Inverse(String type, String attribute, ListOrder order) {
            this(type, attribute, order, null, null, false);
        }
    }

    /** Lists read from the other side, as the feature's resolvers list them. */
    private static final Map<String, Inverse> INVERSE = Map.of(
            "Delegation.agenda", new Inverse("AgendaItem", "delegation", AgendaItem.ORDER),
            "Delegation.members", members(DelegationMember.Side.MEMBER),
            "Delegation.hosts", members(DelegationMember.Side.HOST),
            "Delegation.sources", new Inverse("Source", "delegation", VisitSource.ORDER),
            "Delegation.awards", new Inverse("Award", "delegation", Award.CONFERRED_ORDER),
            "Delegation.agreements", new Inverse("Agreement", "delegation", Agreement.ORDER),
            // Published ones only, for editors too, as PersonApi lists them.
            "Person.awardsReceived", new Inverse("Award", "recipient", Award.RECENT_FIRST, null, null, true),
            "Person.delegationsLed", new Inverse("Delegation", "head", Delegation.LATEST_FIRST, null, null, true));

    /** The order the resolvers list a type's records in where a list keeps no position of its own. */
    private static final Map<String, ListOrder> UNPOSITIONED_ORDER = Map.of("Topic", Topic.ORDER, "Person", Person.BY_NAME);

    private static final Map<String, Mapping> TOTALS = Map.of("Country.hostedCount", new Total("hosted"),
            "Country.sentCount", new Total("sent"), "Country.awardsConferredCount", new Total("awards_conferred"));

    private final Map<String, Table> tables;

    private ReadModel(Map<String, Table> tables) {
        this.tables = tables;
    }

    /** The table of a type that is an entity; null for any other. */
    Table table(String type) {
        return tables.get(type);
    }

    /** The model of every entity Hibernate maps. */
    static ReadModel of(MappingMetamodel metamodel) {
        Map<String, Table> tables = new HashMap<>();
        metamodel.forEachEntityDescriptor(entity -> tables.put(typeName(entity), table(metamodel, entity)));
        INVERSE.forEach((field, inverse) -> {
            Table table = tables.get(field.substring(0, field.indexOf('.')));
            Table child = tables.get(inverse.type());
            table.fields().put(field.substring(field.indexOf('.') + 1), new Children(inverse.type(),
                    ((Reference) child.fields().get(inverse.attribute())).column(), inverse.order(),
                    inverse.onlyAttribute() == null ? null : child.column(inverse.onlyAttribute()), inverse.onlyValue(),
                    inverse.published()));
        });
        TOTALS.forEach((field, total) -> tables.get(field.substring(0, field.indexOf('.'))).fields()
                .put(field.substring(field.indexOf('.') + 1), total));
        tables.replaceAll((type, table) -> new Table(table.name(), table.key(), Map.copyOf(table.fields()), table.columns()));
        return new ReadModel(Map.copyOf(tables));
    }

    private static Table table(MappingMetamodel metamodel, EntityPersister persister) {
        AbstractEntityPersister entity = (AbstractEntityPersister) persister;
        String key = entity.getIdentifierColumnNames()[0];
        Map<String, Mapping> fields = new HashMap<>();
        Map<String, String> columns = new HashMap<>();
        String id = entity.getIdentifierPropertyName();
        columns.put(id, key);
        fields.put(id, new Column(key, entity.getIdentifierType().getReturnedClass() != String.class));
        // Countries and topics are found by a code or slug, which their id field repeats.
        fields.putIfAbsent("id", new Column(key, false));
        fields.put("nodeId", new NodeId());
        for (String attribute : entity.getPropertyNames()) {
            org.hibernate.type.Type type = entity.getPropertyType(attribute);
            if (type instanceof CollectionType collection) {
                fields.put(attribute,
                        list((AbstractCollectionPersister) metamodel.getCollectionDescriptor(collection.getRole())));
                continue;
            }
            String column = entity.getPropertyColumnNames(attribute)[0];
            columns.put(attribute, column);
            if (type instanceof EntityType reference) {
                fields.put(attribute, new Reference(typeName(metamodel.getEntityDescriptor(
                        reference.getAssociatedEntityName())), column));
            } else {
                fields.put(attribute, OffsetDateTime.class.isAssignableFrom(type.getReturnedClass())
                        ? new Timestamp(column)
                        : new Column(column, false));
            }
        }
        return new Table(entity.getIdentifierTableName(), key, fields, Map.copyOf(columns));
    }

    private static Mapping list(AbstractCollectionPersister list) {
        String own = list.getKeyColumnNames()[0];
        String other = list.getElementColumnNames()[0];
        if (!list.isManyToMany()) {
            return new Values(list.getTableName(), own, other);
        }
        String type = typeName(list.getElementPersister());
        if (list.hasIndex()) {
            return new Joined(type, list.getTableName(), own, other, list.getIndexColumnNames()[0], null);
        }
        ListOrder order = UNPOSITIONED_ORDER.get(type);
        if (order == null) { // at start, rather than a query that cannot be written later
            throw new IllegalStateException(list.getRole() + " keeps no position and " + type + " has no order here");
        }
        return new Joined(type, list.getTableName(), own, other, null, order);
    }

    /** The GraphQL type an entity is: its class's name, or the one its {@code @Type} gives. */
    private static String typeName(EntityPersister entity) {
        Class<?> mapped = entity.getMappedClass();
        Type type = mapped.getAnnotation(Type.class);
        return type != null && !type.value().isEmpty() ? type.value() : mapped.getSimpleName();
    }

    private static Inverse members(DelegationMember.Side side) {
        return new Inverse("DelegationMember", "delegation", DelegationMember.ORDER, "side", side.name(), false);
    }
}
