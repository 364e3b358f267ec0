package org.attache.award;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of distinction an award is.")
public enum AwardKind {
    MEDAL,
    ORDER,
    BADGE,
    CERTIFICATE,
    OTHER
}
