package org.attache.award;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of distinction an award is.")
public enum AwardKind {
    @Description("A medal or a cross.")
    MEDAL,
    @Description("An order, such as the Legion of Honour, in any of its classes.")
    ORDER,
    @Description("A badge or insignia.")
    BADGE,
    @Description("A certificate, diploma or letter of appreciation.")
    CERTIFICATE,
    @Description("An honorary rank or title.")
    HONORARY_TITLE,
    @Description("Any other distinction or decoration.")
    OTHER
}
