package org.attache.delegation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;

import org.attache.api.Node;
import org.attache.country.Country;
import org.attache.persistence.ListOrder;
import org.attache.persistence.VersionedEntity;
import org.attache.person.Person;
import org.attache.topic.Topic;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * One visit of one country's delegation to another. Relations are LAZY and hidden from the schema: DelegationApi
 * serves each of them with one batched query per response.
 */
@Entity
@Description("One visit by a country's delegation to another country.")
public class Delegation extends VersionedEntity implements Node {

    /** How a person's visits are listed: the most recent first. */
    public static final ListOrder LATEST_FIRST = ListOrder.descending("startDate").thenDescending("id");

    @NonNull
    @Description("Short title, such as Official visit of the Chief of the General Staff of Kazakhstan to Azerbaijan.")
    public String title;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("What kind of visit it is, such as an official or a working visit.")
    public DelegationKind kind;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("Where the visit stands: planned, ongoing, completed or cancelled, or a draft from an import.")
    public DelegationStatus status;

    // Countries are cached reference data: loading them eagerly costs no SQL, and serves the field without a resolver.
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "visiting_country_code")
    @NonNull
    @Description("The country whose delegation visits.")
    public Country visitingCountry;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "host_country_code")
    @NonNull
    @Description("The country visited.")
    public Country hostCountry;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "head_id")
    @Ignore
    public Person head;

    @Column(name = "start_date")
    @Description("First day of the visit; null only on a draft whose release gave no date.")
    public LocalDate startDate;

    @Column(name = "end_date")
    @Description("Last day of the visit; null while unknown.")
    public LocalDate endDate;

    @Description("What the visit was about, in a few sentences.")
    public String summary;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "delegation_topic", joinColumns = @JoinColumn(name = "delegation_id"), inverseJoinColumns = @JoinColumn(name = "topic_slug"))
    @Ignore
    public Set<Topic> topics = new LinkedHashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "delegation_country", joinColumns = @JoinColumn(name = "delegation_id"), inverseJoinColumns = @JoinColumn(name = "country_code"))
    @OrderColumn(name = "ordinal")
    @Ignore
    public List<Country> otherCountries = new ArrayList<>();

    /**
     * Whether a day falls within the visit; an open-ended visit has no last day yet, and a draft without dates takes
     * any day until an editor sets them.
     */
    public boolean covers(LocalDate day) {
        if (startDate == null) {
            return true;
        }
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }

    /** The visit's dates as error messages state them, such as "runs from 2024-04-25 to 2024-04-26". */
    public String span() {
        return "runs from " + startDate + (endDate == null ? " with no end date set" : " to " + endDate);
    }
}
