package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a visit stands.")
public enum DelegationStatus {
    PLANNED,
    ONGOING,
    COMPLETED,
    CANCELLED
}
