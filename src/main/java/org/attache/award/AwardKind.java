package org.attache.award;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of distinction an award is.")
public enum AwardKind {
    MEDAL,
    ORDER,
    BADGE,
    CERTIFICATE,
    @Description("An honorary rank or title.")
    HONORARY_TITLE,
    OTHER
}
