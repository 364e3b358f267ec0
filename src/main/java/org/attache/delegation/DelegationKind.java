package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of visit a delegation makes.")
public enum DelegationKind {
    OFFICIAL_VISIT,
    WORKING_VISIT,
    STATE_VISIT,
    OTHER
}
