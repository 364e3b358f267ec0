package org.attache.agenda;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.attache.api.Chars;
import org.attache.api.Visible;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AgendaItemInput")
@Description("An event of a visit, as addAgendaItem records it.")
public record AgendaItemInput(
        @NonNull @NotNull @Description("What kind of event it was: a wreath-laying, a welcome ceremony, a meeting...") AgendaItemKind kind,
        @NonNull @Visible @Chars(max = 300) @Description("At most 300 characters.") String title,
        @NonNull @NotNull @Description("Must fall within the visit's dates.") LocalDate date,
        LocalTime startTime,
        @Chars(max = 300) @Description("Where it took place, such as Alley of Honor, Baku; at most 300 characters.") String location,
        @Chars(max = 10000) @Description("What the release says of it; at most 10,000 characters.") String description,
        @Id @Size(max = 200) @Description("Ids of the persons who took part.") List<String> participantIds,
        @Size(max = 50) @Description("Slugs of the cooperation topics discussed.") List<String> topics,
        @Description("Protocol honours observed.") List<Honour> honours) {
}
