package org.attache.history;

import org.eclipse.microprofile.graphql.Description;

@Description("What a change did to a record.")
public enum ChangeOperation {
    CREATE, UPDATE, DELETE
}
