package org.attache.country;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.attache.api.Node;
import org.attache.api.NodeIds;
import org.attache.persistence.ListOrder;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** ISO 3166-1 reference data, loaded by a migration and never changed by the API, hence cached. */
@Entity
@Cacheable
@Description("A country as ISO 3166-1 names it.")
public class Country extends PanacheEntityBase implements Node {

    /** How countries are listed: by name. */
    public static final ListOrder ORDER = ListOrder.ascending("name");

    @Id
    @NonNull
    @Description("ISO 3166-1 alpha-3 code, such as AZE or KAZ.")
    public String code;

    @NonNull
    @Description("English short name, such as Azerbaijan.")
    public String name;

    /** The code again under the name clients' caches identify records by (Apollo's id with __typename). */
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    @Description("The same as code: the id by which caches (Apollo, Relay) identify the country.")
    public String getId() {
        return code;
    }

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    @Description(Node.NODE_ID)
    public String getNodeId() {
        return NodeIds.encode("Country", code);
    }

    /** A read-only copy for results that SQL assembled with the name already joined in (statistics); never persisted. */
    public static Country of(String code, String name) {
        Country value = new Country();
        value.code = code;
        value.name = name;
        return value;
    }
}
