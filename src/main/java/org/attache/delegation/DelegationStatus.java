package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a visit stands.")
public enum DelegationStatus {
    @Description("Drafted by a press-release import: seen by editors only, until published.")
    DRAFT,
    PLANNED,
    ONGOING,
    COMPLETED,
    CANCELLED
}
