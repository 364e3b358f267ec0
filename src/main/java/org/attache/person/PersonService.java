package org.attache.person;

import static org.attache.graphql.Inputs.trimToNull;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.attache.country.Country;
import org.attache.country.CountryService;
import org.attache.graphql.Cursor;
import org.attache.graphql.Paging;
import org.attache.history.ChangeHistory;
import org.attache.persistence.Query;
import org.attache.persistence.Records;

@ApplicationScoped
public class PersonService {

    @Inject
    ChangeHistory history;

    @Inject
    CountryService countries;

    public Person find(String id) {
        return Records.find(Person.class, id);
    }

    public Person require(String id, String field) {
        return Records.require(Person.class, id, field, "person");
    }

    public Person referenced(String id, String field) {
        return Records.referenced(Person.class, id, field, "person");
    }

    @Transactional
    public Person create(@Valid PersonInput input) {
        Person person = new Person();
        apply(person, input);
        person.persist();
        history.created(person);
        return person;
    }

    @Transactional
    public Person update(String id, @Valid PersonInput input, int expectedVersion) {
        Person person = require(id, "id");
        person.expectVersion(expectedVersion, "person");
        return history.updated(person, () -> {
            apply(person, input);
            person.touch();
        });
    }

    private static final String SORT_NAME = "lower(e.full_name)";

    public PersonConnection search(String search, String countryCode, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        Country country = countryCode == null ? null : countries.require(countryCode, "country");
        // attache_fold lowers and strips accents on both sides, so "kalinak" finds "Kaliňák"; a trigram index serves it.
        Query<Person> query = Query.of(Person.class, "person")
                .where("attache_fold(e.full_name) like attache_fold(:pattern)", "pattern", containsPattern(search))
                .where("e.country_code = :country", "country", country == null ? null : country.code)
                // The database lower-cases the name for the cursor too: Java's lower case differs for some letters (İ).
                .sortKey(SORT_NAME);
        String cursorKind = Cursor.kind(PersonConnection.CURSOR, containsPattern(search), country == null ? null : country.code);
        if (after != null) {
            String[] key = Cursor.decode(after, cursorKind, 2);
            query.after("(" + SORT_NAME + ", e.id) > (:afterName, :afterId)",
                    Map.of("afterName", key[0], "afterId", Cursor.longKey(key[1])));
        }
        return new PersonConnection(query.page(SORT_NAME + ", e.id", pageSize), cursorKind, after);
    }

    private void apply(Person person, PersonInput input) {
        person.fullName = input.fullName().strip();
        person.rank = trimToNull(input.rank());
        person.position = trimToNull(input.position());
        person.country = countries.require(input.country(), "country");
    }

    private static String containsPattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.strip()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

}
