package org.attache.agenda;

import org.attache.live.ChangeKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A committed change to an item of a visit's agenda.")
public record AgendaEvent(
        @NonNull @Description("What happened to it.") ChangeKind change,
        @NonNull @Id @Description("The agenda item's id, also once deleted.") String id,
        @Description("The agenda item as it is now; null once deleted.") AgendaItem agendaItem) {
}
