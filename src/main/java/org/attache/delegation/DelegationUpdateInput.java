package org.attache.delegation;

import java.time.LocalDate;
import java.util.List;

import org.attache.api.Given;
import org.attache.delegation.DelegationInput.DelegationMemberInput;
import org.attache.delegation.DelegationInput.SourceInput;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("DelegationUpdateInput")
@Description("Changes to a visit: a field left out keeps its value, null clears it (refused where DelegationInput requires"
        + " it), and a list given replaces the whole list. Each field means what it means in DelegationInput.")
public record DelegationUpdateInput(
        @Description("At most 300 characters; cannot be cleared.") String title,
        @Description("Cannot be cleared.") DelegationKind kind,
        @Description("Cannot be cleared; a draft stays DRAFT until publishImport.") DelegationStatus status,
        @Description("Alpha-3 code; cannot be cleared.") String visitingCountry,
        @Description("Alpha-3 code; cannot be cleared.") String hostCountry,
        @Id @Description("The person who leads the delegation; null for none.") String headId,
        @Description("Replaces the visiting delegation.") List<DelegationMemberInput> members,
        @Description("Replaces the host officials.") List<DelegationMemberInput> hosts,
        @Description("Cannot be cleared.") LocalDate startDate,
        @Description("Null while unknown.") LocalDate endDate,
        @Description("At most 10,000 characters; null clears it.") String summary,
        @Description("Replaces the topics' slugs.") List<String> topics,
        @Description("Replaces the sources.") List<SourceInput> sources,
        @Description("Replaces the other countries of a multilateral event.") List<String> otherCountries) {

    /** The visit as it will be: what this input gives, and the current value of every field it leaves out. */
    DelegationInput over(DelegationInput current, Given given) {
        return new DelegationInput(
                given.or("title", title, current.title()),
                given.or("kind", kind, current.kind()),
                given.or("status", status, current.status()),
                given.or("visitingCountry", visitingCountry, current.visitingCountry()),
                given.or("hostCountry", hostCountry, current.hostCountry()),
                given.or("headId", headId, current.headId()),
                given.or("members", members, current.members()),
                given.or("hosts", hosts, current.hosts()),
                given.or("startDate", startDate, current.startDate()),
                given.or("endDate", endDate, current.endDate()),
                given.or("summary", summary, current.summary()),
                given.or("topics", topics, current.topics()),
                given.or("sources", sources, current.sources()),
                given.or("otherCountries", otherCountries, current.otherCountries()));
    }
}
