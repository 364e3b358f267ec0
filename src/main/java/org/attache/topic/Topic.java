package org.attache.topic;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.attache.api.Node;
import org.attache.api.NodeIds;
import org.attache.persistence.AuditedEntity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Entity
@Cacheable
@Description("An area of cooperation from Attaché's controlled vocabulary, such as military-technical.")
public class Topic extends AuditedEntity implements Node {

    /**
     * How every list of topics is ordered, by the resolvers and the one-statement path alike: by label, then by slug
     * (labels may repeat). Attributes named as their columns, so HQL and SQL both read them.
     */
    public static final List<String> ORDER = List.of("label", "slug");

    /** {@link #ORDER} over an alias, for a query's order by. */
    public static String orderBy(String alias) {
        return ORDER.stream().map(attribute -> alias + "." + attribute).collect(Collectors.joining(", "));
    }

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
