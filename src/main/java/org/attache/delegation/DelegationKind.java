package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of visit a delegation makes.")
public enum DelegationKind {
    @Description("A visit announced as an official visit.")
    OFFICIAL_VISIT,
    @Description("A visit announced as a working visit.")
    WORKING_VISIT,
    @Description("A visit announced as a state visit, the highest rank of visit in protocol.")
    STATE_VISIT,
    @Description("A trilateral or multilateral meeting, seen from one delegation's side; the other countries are listed.")
    MULTILATERAL_EVENT,
    @Description("Any other visit, or one whose kind was not announced.")
    OTHER
}
