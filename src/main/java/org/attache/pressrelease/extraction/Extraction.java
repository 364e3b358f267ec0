package org.attache.pressrelease.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What one release says, as drafted facts that point at its words. People are referred to by their index in
 * {@link #people}; nothing here touches the database (matching to stored persons is the import's job).
 */
public record Extraction(Visit visit, List<AwardFact> awards, List<AgreementFact> agreements, List<PersonFact> people,
        List<Evidence> evidence, List<String> warnings) {

    /** A person the text names, with every span that names them ("Colonel General Zakir Hasanov", "Z. Hasanov"). */
    public record PersonFact(String fullName, String rank, String title, String position, String country,
            List<Span> mentions) {
    }

    public record Span(int start, int end) {
    }

    public record Visit(String visitingCountry, String hostCountry, List<String> otherCountries, String kind,
            String status, LocalDate startDate, LocalDate endDate, Integer head, List<Integer> hosts,
            List<Integer> members, List<Item> agenda, String title) {
    }

    public record Item(String kind, String title, LocalDate date, String location, Set<String> honours,
            Set<String> topics, List<Integer> participants, String description) {
    }

    public record AwardFact(String name, String kind, String grade, Integer recipient, String conferredBy,
            String authority, LocalDate conferredOn, boolean duringVisit) {
    }

    public record AgreementFact(String title, String kind, List<String> parties, LocalDate signedOn,
            List<Integer> signatories, boolean duringVisit) {
    }

    /** Which words support a drafted fact; field paths as the import's clients see them. */
    public record Evidence(String field, int start, int end, double confidence) {
    }
}
