package org.attache.country;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.attache.api.ApiException;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class CountryService {

    /**
     * The codes of the recorded countries, read once: reference data that migrations change, not clients. A code
     * not among them is still looked up before it is refused.
     */
    private volatile Set<String> known;

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

    /**
     * The code as stored of a recorded country, for filters, which need no more than that (no session, no entity); null
     * when none is given. An unknown code is NOT_FOUND, naming the field it came from.
     */
    public String knownCode(String code, String field) {
        if (code == null) {
            return null;
        }
        Set<String> codes = known;
        if (codes == null) {
            codes = all().stream().map(country -> country.code).collect(Collectors.toUnmodifiableSet());
            known = codes;
        }
        return codes.contains(normalized(code)) ? normalized(code) : require(code, field).code;
    }

    public List<Country> all() {
        // Reference data: the list comes from Hibernate's query cache after the first request.
        return Country.<Country> find("from Country e order by " + Country.ORDER.hql("e"))
                .withHint(HibernateHints.HINT_CACHEABLE, true).list();
    }
}
