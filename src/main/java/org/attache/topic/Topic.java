package org.attache.topic;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.attache.persistence.AuditedEntity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Entity
@Cacheable
@Description("An area of cooperation from Attaché's controlled vocabulary, such as military-technical.")
public class Topic extends AuditedEntity {

    @Id
    @NonNull
    @Description("Stable lowercase identifier: words joined by hyphens.")
    public String slug;

    @NonNull
    @Description("Human-readable name.")
    public String label;
}
