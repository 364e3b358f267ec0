package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a visit stands.")
public enum DelegationStatus {
    @Description("Drafted by a press-release import: seen by editors only, until published.")
    DRAFT,
    @Description("Announced, not yet begun.")
    PLANNED,
    @Description("Under way.")
    ONGOING,
    @Description("Over: the visit took place.")
    COMPLETED,
    @Description("Called off: the visit did not take place.")
    CANCELLED
}
