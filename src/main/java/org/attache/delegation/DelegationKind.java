package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of visit a delegation makes.")
public enum DelegationKind {
    OFFICIAL_VISIT,
    WORKING_VISIT,
    STATE_VISIT,
    @Description("A trilateral or multilateral meeting, seen from one delegation's side; the other countries are listed.")
    MULTILATERAL_EVENT,
    OTHER
}
