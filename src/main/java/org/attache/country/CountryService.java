package org.attache.country;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.attache.graphql.ApiException;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

@ApplicationScoped
public class CountryService {

    private volatile Set<String> codes = Set.of();

    /** The codes are fixed by a migration: kept in memory for checks that must not block (subscriptions' filters). */
    @Transactional
    void loadCodes(@Observes StartupEvent event) {
        codes = Country.<Country>streamAll().map(country -> country.code).collect(Collectors.toUnmodifiableSet());
    }

    /** The code in its stored form, without a database round trip; an unknown code is NOT_FOUND, naming the field. */
    public String requireCode(String code, String field) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (!codes.contains(upper)) {
            throw ApiException.notFound(field, "'" + code + "' is not an ISO 3166-1 alpha-3 country code.");
        }
        return upper;
    }

    public Country find(String code) {
        return code == null ? null : Country.findById(code.toUpperCase(Locale.ROOT));
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
        return Country.<Country>findAll(Sort.by("name")).withHint(HibernateHints.HINT_CACHEABLE, true).list();
    }
}
