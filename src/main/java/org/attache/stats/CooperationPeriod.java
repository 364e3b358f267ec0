package org.attache.stats;

import java.time.LocalDate;
import java.util.List;

import org.attache.agenda.AgendaItemKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One period of a country's defense-diplomatic activity, with a counterpart if one was given.")
public record CooperationPeriod(
        @NonNull @Description("First day of the period.") LocalDate start,
        @Description("Visits the country hosted that started in the period.") int visitsHosted,
        @Description("Visits the country's delegations made that started in the period.") int visitsMade,
        @NonNull @Description("Agenda items of those visits held in the period, by kind; kinds with none are left out.") List<@NonNull AgendaKindCount> agendaItems,
        @Description("Awards the country conferred in the period.") int awardsConferred,
        @Description("Awards the country's people received in the period.") int awardsReceived) {

    @Description("How many agenda items of one kind.")
    public record AgendaKindCount(
            @NonNull @Description("The kind of agenda item.") AgendaItemKind kind,
            @Description("How many agenda items of that kind were held in the period.") int count) {
    }
}
