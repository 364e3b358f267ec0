package org.attache.live;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened to a record: it was created, updated or deleted.")
public enum ChangeKind {
    CREATED, UPDATED, DELETED
}
