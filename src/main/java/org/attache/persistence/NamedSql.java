package org.attache.persistence;

import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A native statement with named parameters ({@code :name}) and their values, as a service writes it once for both read
 * paths: the resolvers run it here, the one-statement path (sqlread) embeds it in its own statement.
 */
public record NamedSql(String sql, Map<String, Object> parameters) {

    /** Its rows, in the current transaction. */
    @SuppressWarnings("unchecked")
    public List<Object[]> rows() {
        var query = Panache.getEntityManager().createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The same parameters around other SQL (a statement that wraps this one). */
    public NamedSql wrapped(String other) {
        return new NamedSql(other, parameters);
    }
}
