package org.attache.topic;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.attache.api.Node;
import org.attache.api.NodeIds;
import org.attache.persistence.AuditedEntity;
import org.attache.persistence.ListOrder;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Entity
@Cacheable
@Description("An area of cooperation from Attaché's controlled vocabulary, such as military-technical.")
public class Topic extends AuditedEntity implements Node {

    /** How every list of topics is ordered: by label, then by slug (labels may repeat). */
    public static final ListOrder ORDER = ListOrder.ascending("label").thenAscending("slug");

    @Id
    @NonNull
    @Description("Stable lowercase identifier: words joined by hyphens.")
    public String slug;

    @NonNull
    @Description("Human-readable name.")
    public String label;

    /** The slug again under the name clients' caches identify records by (Apollo's id with __typename). */
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    @Description("The same as slug: the id by which caches (Apollo, urql) identify the topic.")
    public String getId() {
        return slug;
    }

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    @Description(Node.NODE_ID)
    public String getNodeId() {
        return NodeIds.encode("Topic", slug);
    }
}
