package org.attache.agenda;

import org.eclipse.microprofile.graphql.Description;

@Description("What happens at an agenda item.")
public enum AgendaItemKind {
    @Description("A wreath or flowers laid at a memorial or a grave.")
    WREATH_LAYING,
    @Description("An official welcome, such as with a guard of honour and the national anthems.")
    WELCOME_CEREMONY,
    @Description("A meeting with one or more officials.")
    MEETING,
    @Description("Talks or negotiations between the delegations, such as in expanded format.")
    TALKS,
    @Description("A briefing or presentation given to the visitors.")
    BRIEFING,
    @Description("The signing of a document, such as an agreement or a cooperation plan.")
    SIGNING,
    @Description("A visit to or tour of a unit, base, school, plant or other site.")
    SITE_VISIT,
    @Description("A ceremony at which awards were conferred.")
    AWARD_CEREMONY,
    @Description("Any other event, such as a press conference, reception or parade.")
    OTHER
}
