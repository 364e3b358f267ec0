package org.attache.delegation;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.attache.api.Chars;
import org.attache.api.Visible;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DelegationInput")
@Description("A visit as a press release describes it.")
public record DelegationInput(
        @NonNull @Visible @Chars(max = 300) @Description("At most 300 characters.") String title,
        @NonNull @NotNull @Description("What kind of visit it is.") DelegationKind kind,
        @NonNull @NotNull @Description("Where the visit stands; not DRAFT: only importPressRelease drafts visits.") DelegationStatus status,
        @NonNull @Visible @Description("Alpha-3 code of the country whose delegation visits.") String visitingCountry,
        @NonNull @Visible @Description("Alpha-3 code of the country visited; differs from visitingCountry.") String hostCountry,
        @Id @Description("The person who leads the delegation.") String headId,
        @Size(max = 200) @Description("The visiting delegation, head included if you want them listed with a role.") List<@Valid DelegationMemberInput> members,
        @Size(max = 200) @Description("The host officials who received the delegation.") List<@Valid DelegationMemberInput> hosts,
        @NonNull @NotNull LocalDate startDate,
        @Description("Not before startDate; leave out while unknown.") LocalDate endDate,
        @Chars(max = 10000) @Description("At most 10,000 characters.") String summary,
        @Size(max = 50) @Description("Slugs of the cooperation topics discussed.") List<String> topics,
        @Size(max = 50) @Description("Where the visit was published, in the order to list them.") List<@Valid SourceInput> sources,
        @Size(max = 50) @Description("Alpha-3 codes of the other countries at a multilateral event.") List<String> otherCountries) {

    @Input("DelegationMemberInput")
    @Description("A person's part in a visit.")
    public record DelegationMemberInput(
            @NonNull @NotNull @Id @Description("The person's id; each person at most once among members and hosts.") String personId,
            @Chars(max = 100) @Description("Such as head of delegation; at most 100 characters.") String role,
            @Chars(max = 300) @Description("Post held at the time; defaults to the person's current position.") String position) {
    }

    @Input("SourceInput")
    @Description("Where the visit was published.")
    public record SourceInput(
            @NonNull @Visible @Chars(max = 200) @Description("Who published it, such as News.Az; at most 200 characters.") String outlet,
            @Chars(max = 2000) @jakarta.validation.constraints.Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") @Description("Its web address: an http or https URL, at most 2000 characters.") String url,
            @Chars(max = 300) @Description("Its title or headline, at most 300 characters.") String title,
            LocalDate publishedOn) {
    }
}
