package org.attache.delegation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.attache.persistence.ListOrder;
import org.attache.person.Person;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's part in a visit: a member of the visiting delegation or a host official who received it. */
@Entity
@Table(name = "delegation_participant")
@Description("A person's part in a visit, with the post they held at the time.")
public class DelegationMember extends PanacheEntityBase {

    /** How a visit's members and hosts are ordered: as recorded. */
    public static final ListOrder ORDER = ListOrder.ascending("ordinal");

    public enum Side {
        MEMBER,
        HOST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delegation_id")
    @Ignore
    public Delegation delegation;

    // Always fetched together with the member (join fetch), so reading it costs no query.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    @NonNull
    @Description("The person who took part.")
    public Person person;

    @Enumerated(EnumType.STRING)
    @Ignore
    public Side side;

    @Description("The part played, such as head of delegation, received the delegation, military attaché.")
    public String role;

    @Description("The post held at the time of the visit, which may differ from the person's current one.")
    public String position;

    @Ignore
    public int ordinal;
}
