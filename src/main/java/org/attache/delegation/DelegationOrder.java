package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;

@Description("How a list of visits is sorted; ties are broken by id, so pages are stable.")
public enum DelegationOrder {
    @Description("Most recent first (the default without filter.text).")
    START_DATE_DESC,
    @Description("Oldest first.")
    START_DATE_ASC,
    @Description("Best match for filter.text first (the default with it); requires filter.text.")
    RELEVANCE,
    @Description("Most recently recorded or changed first (the default for drafts).")
    UPDATED_AT_DESC;

    static DelegationOrder orDefault(DelegationOrder order, boolean searchingText, boolean drafts) {
        if (order != null) {
            return order;
        }
        return searchingText ? RELEVANCE : drafts ? UPDATED_AT_DESC : START_DATE_DESC;
    }
}
