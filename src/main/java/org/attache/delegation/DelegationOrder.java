package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;

@Description("How a list of visits is sorted; ties are broken by id, so pages are stable.")
public enum DelegationOrder {
    @Description("Most recent first (the default).")
    START_DATE_DESC,
    @Description("Oldest first.")
    START_DATE_ASC;

    static DelegationOrder orDefault(DelegationOrder order) {
        return order == null ? START_DATE_DESC : order;
    }
}
