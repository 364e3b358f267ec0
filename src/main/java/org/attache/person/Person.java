package org.attache.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.attache.api.Node;
import org.attache.country.Country;
import org.attache.persistence.ListOrder;
import org.attache.persistence.VersionedEntity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Entity
@Description("A person who leads, joins or receives delegations, takes part in their agenda or receives awards.")
public class Person extends VersionedEntity implements Node {

    /** How lists of persons without an order of their own are listed: by name. */
    public static final ListOrder BY_NAME = ListOrder.ascending("fullName").thenAscending("id");

    @Column(name = "full_name")
    @NonNull
    @Description("Full name as published, such as Zakir Hasanov.")
    public String fullName;

    @Description("Military or diplomatic rank as free text, such as Colonel General.")
    public String rank;

    @Description("An honorific that is part of the address but not a rank, such as Sir or Dr.")
    public String title;

    @Description("Current post, such as Minister of Defense of the Republic of Azerbaijan.")
    public String position;

    // Cached reference data: eager costs no SQL (see Delegation.hostCountry).
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "country_code")
    @NonNull
    @Description("The country the person serves.")
    public Country country;
}
