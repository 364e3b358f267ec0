package org.attache.history;

import org.eclipse.microprofile.graphql.Description;

@Description("What a change did to a record.")
public enum ChangeOperation {
    @Description("The record was created; before is null.")
    CREATE,
    @Description("The record was changed; before and after hold its states.")
    UPDATE,
    @Description("The record was deleted; after is null.")
    DELETE
}
