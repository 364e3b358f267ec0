package org.attache.award;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.attache.api.Node;
import org.attache.country.Country;
import org.attache.delegation.Delegation;
import org.attache.persistence.ListOrder;
import org.attache.persistence.VersionedEntity;
import org.attache.person.Person;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** A distinction a country conferred on a person, usually during a visit. Relations are served in batches by AwardApi. */
@Entity
@Description("A medal, order or other distinction a country conferred on a person.")
public class Award extends VersionedEntity implements Node {

    /** How the awards of a visit are listed: in the order conferred. */
    public static final ListOrder CONFERRED_ORDER = ListOrder.ascending("conferredOn").thenAscending("id");

    /** How a person's awards are listed: the most recent first. */
    public static final ListOrder RECENT_FIRST = ListOrder.descending("conferredOn").thenDescending("id");

    @NonNull
    @Description("Such as For contribution in the development of international cooperation.")
    public String name;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("What kind of distinction it is, such as a medal or an order.")
    public AwardKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recipient_id")
    @Ignore
    public Person recipient;

    // Cached reference data: eager costs no SQL (see Delegation.hostCountry).
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "conferred_by_code")
    @NonNull
    @Description("The country that conferred it.")
    public Country conferredBy;

    @Column(name = "conferred_on")
    @Description("Null only on a draft whose release gave no date.")
    public LocalDate conferredOn;

    @Description("The class or degree, such as third class.")
    public String grade;

    @Column(name = "conferred_by_authority")
    @Description("Who conferred it on the country's behalf, such as the President of the Republic of Azerbaijan.")
    public String conferredByAuthority;

    /** Drafted by an import (or conferred during a drafted visit): editors only, until published. */
    @Ignore
    public boolean draft;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "delegation_id")
    @Ignore
    public Delegation delegation;

    @Description("The wording of the award, if published.")
    public String citation;
}
