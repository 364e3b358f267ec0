package org.attache.country;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.attache.api.ApiException;
import org.hibernate.jpa.HibernateHints;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CountryService {

    /** A code as stored: clients may write it in any case. */
    public static String normalized(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    public Country find(String code) {
        return code == null ? null : Country.findById(normalized(code));
    }

    /** The country with this code; an unknown code is NOT_FOUND, naming the field it came from. */
    public Country require(String code, String field) {
        Country country = find(code);
        if (country == null) {
            throw ApiException.notFound(field, "'" + code + "' is not an ISO 3166-1 alpha-3 country code.");
        }
        return country;
    }

    public List<Country> all() {
        // Reference data: the list comes from Hibernate's query cache after the first request.
        return Country.<Country> findAll(Sort.by("name")).withHint(HibernateHints.HINT_CACHEABLE, true).list();
    }
}
