package org.attache.delegation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("DelegationChangeFilter")
@Description("Narrows the visits a subscription hears about; every field set must match.")
public record DelegationChangeFilter(
        @Description("Alpha-3 code of either side, before or after the change.") String country) {
}
