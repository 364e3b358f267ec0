package org.attache.person;

import static org.attache.api.Inputs.trimToNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.attache.api.ApiException;
import org.attache.api.Cursor;
import org.attache.api.Given;
import org.attache.api.Inputs;
import org.attache.api.Paging;
import org.attache.country.CountryService;
import org.attache.history.ChangeHistory;
import org.attache.persistence.KeysetQuery;
import org.attache.persistence.Records;
import org.attache.persistence.SortKey;

import io.quarkus.hibernate.orm.panache.Panache;

@ApplicationScoped
public class PersonService {

    @Inject
    ChangeHistory history;

    @Inject
    CountryService countries;

    @Inject
    Validator validator;

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

    /** Changes what the input gives and keeps the rest; the rules are checked on the person as they will be. */
    @Transactional
    public Person update(String id, PersonUpdateInput changes, Given given, int expectedVersion) {
        Person person = require(id, "id");
        person.expectVersion(expectedVersion, "person");
        PersonInput current = new PersonInput(person.fullName, person.rank, person.position, person.country.code, person.title);
        PersonInput input = Inputs.valid(validator, changes.over(current, given), given);
        return history.updated(person, current, input, () -> {
            apply(person, input);
            person.touch();
        });
    }

    /** What may reference a person, as (table, column, words for a refusal). */
    private static final List<String[]> REFERENCES = List.of(
            new String[] { "delegation", "head_id", "led %d visit(s)" },
            new String[] { "delegation_participant", "person_id", "is a member or host of %d visit(s)" },
            new String[] { "agenda_item_participant", "person_id", "took part in %d agenda item(s)" },
            new String[] { "award", "recipient_id", "received %d award(s)" },
            new String[] { "agreement_signatory", "person_id", "signed %d document(s)" });

    /** What still references the person, in words ("led 2 visit(s)"); empty when nothing does. */
    public List<String> references(Person person) {
        List<String> found = new ArrayList<>();
        for (String[] reference : REFERENCES) {
            long count = ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from " + reference[0]
                    + " where " + reference[1] + " = :id").setParameter("id", person.id).getSingleResult()).longValue();
            if (count > 0) {
                found.add(reference[2].formatted(count));
            }
        }
        return found;
    }

    /**
     * The recorded person of this country that a name found in a press release stands for: the same name whatever its
     * accents, case, spacing and word order ("Kalinak" is "Kaliňák"), or a shorter form of one ("Z. Hasanov", "Metin") when
     * exactly
     * one person fits. Never across countries.
     */
    public Person matching(String name, String countryCode) {
        List<String> words = List.of(PersonNames.key(name).split(" "));
        // The longest word narrows the candidates most (the family name may come first or last).
        String surname = words.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        // attache_name_fold (V14) is the search's fold, served by a trigram index; Java compares the candidates exactly.
        @SuppressWarnings("unchecked")
        List<Number> ids = Panache.getEntityManager().createNativeQuery("select id from person where country_code = :country"
                + " and attache_name_fold(full_name) like '%' || attache_fold(:surname) || '%' order by id limit 50")
                .setParameter("country", countryCode)
                .setParameter("surname", surname.replace("\\", "").replace("%", "").replace("_", ""))
                .getResultList();
        List<Person> candidates = ids.isEmpty() ? List.of()
                : Person.<Person> list("id in ?1 order by id", ids.stream().map(Number::longValue).toList());
        Person shortForm = null;
        int shortForms = 0;
        for (Person candidate : candidates) {
            boolean shortFormOfThis = false;
            for (String spelling : PersonNames.keys(candidate.fullName)) {
                List<String> known = List.of(spelling.split(" "));
                if (known.equals(words) || PersonNames.reordered(words, known)) {
                    return candidate;
                }
                shortFormOfThis |= PersonNames.shortFormOf(words, known);
            }
            if (shortFormOfThis) {
                shortForm = candidate;
                shortForms++;
            }
        }
        return shortForms == 1 ? shortForm : null;
    }

    /**
     * Folds a duplicate into the kept record in one transaction: every visit led, membership, host role, agenda
     * participation, award and signature moves to the kept person, and the duplicate is deleted.
     */
    @Transactional
    public Person merge(String keepId, String removeId) {
        Person keep = require(keepId, "keepId");
        Person remove = require(removeId, "removeId");
        if (keep.id.equals(remove.id)) {
            throw ApiException.invalid("removeId", "removeId must differ from keepId: a person is not merged into itself.");
        }
        if (!keep.country.code.equals(remove.country.code)) {
            throw ApiException.invalid("removeId", "The two persons serve different countries (" + keep.country.code + ", "
                    + remove.country.code + "): correct the country with updatePerson first if they are one person.");
        }
        var em = Panache.getEntityManager();
        em.flush();
        Map<String, Object> ids = Map.of("keep", keep.id, "remove", remove.id);
        for (String sql : List.of(
                "update delegation set head_id = :keep where head_id = :remove",
                // A visit or item that lists both keeps the kept person's row only.
                "delete from delegation_participant p where p.person_id = :remove and exists (select 1 from delegation_participant k"
                        + " where k.delegation_id = p.delegation_id and k.person_id = :keep)",
                "update delegation_participant set person_id = :keep where person_id = :remove",
                "insert into agenda_item_participant (agenda_item_id, person_id) select agenda_item_id, :keep from"
                        + " agenda_item_participant where person_id = :remove on conflict do nothing",
                "delete from agenda_item_participant where person_id = :remove",
                "update award set recipient_id = :keep where recipient_id = :remove",
                "delete from agreement_signatory s where s.person_id = :remove and exists (select 1 from agreement_signatory k"
                        + " where k.agreement_id = s.agreement_id and k.person_id = :keep)",
                "update agreement_signatory set person_id = :keep where person_id = :remove",
                "update press_release_import set people = regexp_replace(people, '\"personId\":' || :remove || '([,}])',"
                        + " '\"personId\":' || :keep || '\\1', 'g') where people like '%\"personId\":' || :remove || '%'")) {
            var statement = em.createNativeQuery(sql);
            ids.forEach((name, value) -> {
                if (sql.contains(":" + name)) {
                    statement.setParameter(name, value);
                }
            });
            statement.executeUpdate();
        }
        em.clear();
        Person kept = require(keepId, "keepId");
        history.updated(kept, kept::touch);
        history.deleted(require(removeId, "removeId"));
        return kept;
    }

    /** Deletes a person recorded in error; refused while anything references them. */
    @Transactional
    public String delete(String id) {
        Person person = require(id, "id");
        List<String> references = references(person);
        if (!references.isEmpty()) {
            throw ApiException.conflict(person.fullName + " is still referenced: " + String.join(", ", references)
                    + ". Merge the person into another with mergePersons, or remove those records first.");
        }
        history.deleted(person);
        return id;
    }

    public PersonConnection search(String search, String countryCode, Integer first, String after) {
        return new PersonConnection(plan(search, countryCode, first, after).page());
    }

    /** A page of persons as SQL, not yet run: its size checked, its country found. */
    public KeysetQuery<Person> plan(String search, String countryCode, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        if (search != null && search.strip().length() > Paging.MAX_SEARCH_TEXT) {
            throw ApiException.invalid("search", "search must be at most " + Paging.MAX_SEARCH_TEXT + " characters.");
        }
        String country = countries.knownCode(countryCode, "country");
        // Both sides folded (V14, V15): "kalinak" finds "Kaliňák", "aliyev" and "eliyev" find "Əliyev", "anna spaced"
        // finds "Anna  Spaced", "J.J. Mkunda" finds "J. J. Mkunda"; a trigram index serves it. A schwa typed stands for
        // either spelling: "vəliyev" finds Valiyev.
        String pattern = containsPattern(search);
        boolean schwa = pattern != null && (pattern.indexOf('ə') >= 0 || pattern.indexOf('Ə') >= 0);
        KeysetQuery<Person> query = KeysetQuery.of(Person.class, "person")
                .where(schwa ? "(attache_name_fold(e.full_name) like '%' || attache_fold(?) || '%'"
                        + " or attache_name_fold(e.full_name) like '%' || attache_fold(translate(?, 'əƏ', 'aA')) || '%')"
                        : "attache_name_fold(e.full_name) like '%' || attache_fold(?) || '%'",
                        pattern)
                .where("e.country_code = ?", country);
        String cursorKind = Cursor.kind(PersonConnection.CURSOR, containsPattern(search), country);
        // The database lower-cases the name for the cursor too: Java's lower case differs for some letters (İ).
        return query.orderBy(cursorKind, true, after, SortKey.text("lower(e.full_name)"), SortKey.ID).pageSize(pageSize);
    }

    private void apply(Person person, PersonInput input) {
        person.fullName = input.fullName().strip();
        person.rank = trimToNull(input.rank());
        person.position = trimToNull(input.position());
        person.title = trimToNull(input.title());
        person.country = countries.require(input.country(), "country");
    }

    /** The search with LIKE's wildcards taken literally; folded in SQL, then found anywhere in a name. */
    private static String containsPattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        return search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
