package org.attache.agenda;

import org.eclipse.microprofile.graphql.Description;

@Description("What happens at an agenda item.")
public enum AgendaItemKind {
    WREATH_LAYING,
    WELCOME_CEREMONY,
    MEETING,
    TALKS,
    BRIEFING,
    SIGNING,
    SITE_VISIT,
    AWARD_CEREMONY,
    OTHER
}
