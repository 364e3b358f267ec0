package org.attache.live;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened to a record: it was created, updated or deleted.")
public enum ChangeKind {
    @Description("The record was created.")
    CREATED,
    @Description("The record was changed.")
    UPDATED,
    @Description("The record was deleted; only its id is left.")
    DELETED
}
