package org.attache.topic;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Cacheable
@Description("An area of cooperation from Attaché's controlled vocabulary, such as military-technical.")
public class Topic extends PanacheEntityBase {

    @Id
    @NonNull
    @Description("Stable lowercase identifier: words joined by hyphens.")
    public String slug;

    @NonNull
    @Description("Human-readable name.")
    public String label;

    /** A read-only copy for results that SQL assembled with the label already joined in (statistics); never persisted. */
    public static Topic of(String slug, String label) {
        Topic value = new Topic();
        value.slug = slug;
        value.label = label;
        return value;
    }
}
