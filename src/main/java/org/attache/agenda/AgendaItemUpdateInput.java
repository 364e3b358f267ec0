package org.attache.agenda;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.attache.api.Given;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AgendaItemUpdateInput")
@Description("Changes to an agenda item: a field left out keeps its value, null clears it (refused where AgendaItemInput"
        + " requires it), and a list given replaces the whole list. Each field means what it means in AgendaItemInput.")
public record AgendaItemUpdateInput(
        @Description("Cannot be cleared.") AgendaItemKind kind,
        @Description("At most 300 characters; cannot be cleared.") String title,
        @Description("Within the visit's dates; cannot be cleared.") LocalDate date,
        @Description("Null while unknown.") LocalTime startTime,
        @Description("At most 300 characters; null clears it.") String location,
        @Description("At most 10,000 characters; null clears it.") String description,
        @Id @Description("Replaces the participants.") List<String> participantIds,
        @Description("Replaces the topics' slugs.") List<String> topics,
        @Description("Replaces the honours.") List<Honour> honours) {

    /** The item as it will be: what this input gives, and the current value of every field it leaves out. */
    AgendaItemInput over(AgendaItemInput current, Given given) {
        return new AgendaItemInput(
                given.or("kind", kind, current.kind()),
                given.or("title", title, current.title()),
                given.or("date", date, current.date()),
                given.or("startTime", startTime, current.startTime()),
                given.or("location", location, current.location()),
                given.or("description", description, current.description()),
                given.or("participantIds", participantIds, current.participantIds()),
                given.or("topics", topics, current.topics()),
                given.or("honours", honours, current.honours()));
    }
}
