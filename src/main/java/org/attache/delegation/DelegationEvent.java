package org.attache.delegation;

import org.attache.live.ChangeKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A committed change to a visit.")
public record DelegationEvent(
        @NonNull @Description("What happened to it.") ChangeKind change,
        @NonNull @Id @Description("The visit's id, also once deleted.") String id,
        @Description("The visit as it is now; null once deleted.") Delegation delegation) {
}
