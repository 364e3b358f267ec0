package org.attache.agenda;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import org.attache.api.Node;
import org.attache.delegation.Delegation;
import org.attache.persistence.ListOrder;
import org.attache.persistence.VersionedEntity;
import org.attache.person.Person;
import org.attache.topic.Topic;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** One event of a visit. Relations are hidden from the schema and served in batches by AgendaApi. */
@Entity
@Description("One event of a visit: a wreath-laying, a ceremony, a meeting, talks...")
public class AgendaItem extends VersionedEntity implements Node {

    /** How a visit's agenda is listed: by day, then time (untimed items last), then as recorded. */
    public static final ListOrder ORDER = ListOrder.ascending("date")
            .thenAscendingNullsLast("startTime").thenAscending("id");

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delegation_id")
    @Ignore
    public Delegation delegation;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("What kind of event it is, such as a meeting or a wreath-laying.")
    public AgendaItemKind kind;

    @NonNull
    @Description("Such as Meeting with the Minister of Defense.")
    public String title;

    @Column(name = "item_date")
    @Description("The day it took place, within the visit; null only on a draft whose release gave no date.")
    public LocalDate date;

    @Column(name = "start_time")
    @Description("Local start time, if published.")
    public LocalTime startTime;

    @Description("Such as Alley of Honor, Baku.")
    public String location;

    @Description("What happened, in a few sentences; an import fills it with the release's sentences about the"
            + " event.")
    public String description;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "agenda_item_participant", joinColumns = @JoinColumn(name = "agenda_item_id"), inverseJoinColumns = @JoinColumn(name = "person_id"))
    @Ignore
    public Set<Person> participants = new LinkedHashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "agenda_item_topic", joinColumns = @JoinColumn(name = "agenda_item_id"), inverseJoinColumns = @JoinColumn(name = "topic_slug"))
    @Ignore
    public Set<Topic> topics = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "agenda_item_honour", joinColumns = @JoinColumn(name = "agenda_item_id"))
    @Column(name = "honour")
    @Enumerated(EnumType.STRING)
    @Ignore
    public Set<Honour> honours = new LinkedHashSet<>();
}
