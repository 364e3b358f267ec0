package org.attache.history;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One change to a record, as written in the same transaction as the change itself.")
public record Change(
        @NonNull @Description("The kind of record: Delegation, AgendaItem, Award, Person or Topic.") String entity,
        @NonNull @Id @Description("The record's id (a topic's slug).") String entityId,
        @NonNull @Description("What the change did to the record.") ChangeOperation operation,
        @NonNull @Description("Who made the change: the subject of their token.") String actor,
        @NonNull @Description("When the change was committed.") OffsetDateTime at,
        @Description("The record's state before the change as a JSON document (column names as stored); null for CREATE.") String before,
        @Description("The record's state after the change as a JSON document; null for DELETE.") String after) {
}
