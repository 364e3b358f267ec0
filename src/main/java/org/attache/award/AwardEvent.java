package org.attache.award;

import org.attache.live.ChangeKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A committed change to an award: conferred (CREATED), corrected (UPDATED) or revoked (DELETED).")
public record AwardEvent(
        @NonNull @Description("What happened to it.") ChangeKind change,
        @NonNull @Id @Description("The award's id, also once deleted.") String id,
        @Description("The award as it is now; null once deleted.") Award award) {
}
