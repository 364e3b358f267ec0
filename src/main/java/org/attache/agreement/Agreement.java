package org.attache.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import org.attache.delegation.Delegation;
import org.attache.persistence.ListOrder;
import org.attache.persistence.VersionedEntity;
import org.attache.person.Person;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Entity
@Description("A document signed between countries: an agreement, memorandum, cooperation plan or protocol.")
public class Agreement extends VersionedEntity implements Node {

    /** How the documents signed during a visit are listed: as recorded. */
    public static final ListOrder ORDER = ListOrder.ascending("id");

    @NonNull
    @Description("Such as Plan of bilateral military cooperation for 2025.")
    public String title;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("What kind of document it is, such as a memorandum or a plan.")
    public AgreementKind kind;

    @Column(name = "signed_on")
    @Description("The day it was signed, if known.")
    public LocalDate signedOn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "delegation_id")
    @Ignore
    public Delegation delegation;

    // Countries are cached reference data (see Delegation.hostCountry); the list is small and read with the record.
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"), inverseJoinColumns = @JoinColumn(name = "country_code"))
    @OrderColumn(name = "ordinal")
    @NonNull
    @Description("The countries bound by it, in the order recorded.")
    public List<@NonNull Country> parties = new ArrayList<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "agreement_signatory", joinColumns = @JoinColumn(name = "agreement_id"), inverseJoinColumns = @JoinColumn(name = "person_id"))
    @OrderColumn(name = "ordinal")
    @Ignore
    public List<Person> signatories = new ArrayList<>();

    /** Drafted by an import (or signed during a drafted visit): editors only, until published. */
    @Ignore
    public boolean draft;
}
