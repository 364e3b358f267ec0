package org.attache.delegation;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.attache.persistence.ListOrder;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "delegation_source")
@Type("Source")
@Description("A publication a visit was recorded from, such as a ministry press release.")
public class VisitSource extends PanacheEntityBase {

    /** How a visit's sources are ordered: as recorded. */
    public static final ListOrder ORDER = ListOrder.ascending("ordinal");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delegation_id")
    @Ignore
    public Delegation delegation;

    @NonNull
    @Description("Who published it, such as News.Az or the Ministry of Defense of Azerbaijan.")
    public String outlet;

    @Description("Its web address (http or https), if recorded.")
    public String url;

    @Description("Its title or headline, if recorded.")
    public String title;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Ignore
    public int ordinal;
}
