package org.attache.pressrelease.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attache.country.CountryNames;

/**
 * The curated words extraction knows, read once from {@code extraction/} on the classpath: every country's names,
 * adjectives and cities, ranks in their national styles with abbreviations, honorifics, and the phrases that mark
 * agenda kinds, honours, topics, award and document kinds. Data, not code: a new rank or phrase is one line.
 */
public final class Lexicon {

    /** A country named in the text, by which word. */
    public record CountryWord(String code, Form form) {
    }

    public enum Form {
        NAME,
        ADJECTIVE,
        CITY
    }

    private static final String FOLDER = "extraction/";
    /** Plain address words: they introduce a name but are no title of it. */
    private static final Set<String> ADDRESS_WORDS = Set.of("Mister", "Mrs", "Ms", "Miss", "Madam");

    final Phrases<CountryWord> countries = new Phrases<>();
    final Map<String, String> countryNames = new HashMap<>();
    /** Every spelling of a rank, to its full form ("Lt. Gen." to "Lieutenant General"). */
    final Phrases<String> ranks = new Phrases<>();
    /** Every spelling of an honorific, to its usual form; plain address words (Mr., Mrs.) map to "". */
    final Phrases<String> titles = new Phrases<>();
    /** group -> value -> pattern, in file order (which is the order of precedence). */
    final Map<String, Map<String, Pattern>> phrases = new LinkedHashMap<>();
    /** Words that are capitalised in releases but never part of a person's name. */
    final Set<String> notNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    /** A country's one-word names and adjectives, unaccented as the country dictionary keeps them. */
    private final Set<String> countryWords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    /** Built on first use: the service starts without it (CountrySearchWords reads CountryNames alone). */
    private static final class Holder {
        static final Lexicon INSTANCE = new Lexicon();
    }

    public static Lexicon get() {
        return Holder.INSTANCE;
    }

    private Lexicon() {
        for (String[] columns : CountryNames.rows()) {
            String code = columns[0];
            addCountryWords(code, columns, 1, Form.NAME);
            addCountryWords(code, columns, 2, Form.ADJECTIVE);
            addCountryWords(code, columns, 3, Form.CITY);
            countryNames.put(code, columns[1].split("\\|")[0]);
        }
        for (String line : lines("ranks.txt")) {
            String[] forms = line.split("\\|");
            for (String form : forms) {
                ranks.put(form.strip(), forms[0].strip());
            }
        }
        for (String line : lines("titles.txt")) {
            String[] forms = line.split("\\|");
            String usual = ADDRESS_WORDS.contains(forms[0].strip()) ? "" : forms[forms.length > 1 ? 1 : 0].strip();
            for (String form : forms) {
                titles.put(form.strip(), usual);
            }
        }
        for (String line : lines("phrases.tsv")) {
            String[] columns = line.split("\t", 3);
            phrases.computeIfAbsent(columns[0], g -> new LinkedHashMap<>())
                    .put(columns[1], Pattern.compile(columns[2], Pattern.CASE_INSENSITIVE));
        }
        for (String line : lines("not-names.txt")) {
            notNames.addAll(List.of(line.split("\\s+")));
        }
        // A country's one-word name or adjective is never a person's name; cities often are (Victoria, Douglas).
        for (String word : countries.phrases()) {
            if (countries.get(word).form() != Form.CITY && !word.contains(" ")) {
                countryWords.add(word);
            }
        }
        // "General de División": its words are no name's, but for the particles a name may have ("Piyal De Silva").
        ranks.phrases().forEach(r -> Stream.of(r.split("\\s+")).filter(w -> !RANK_PARTICLE.matcher(w).matches())
                .forEach(notNames::add));
    }

    private void addCountryWords(String code, String[] columns, int column, Form form) {
        if (columns.length <= column || columns[column].isBlank()) {
            return;
        }
        for (String word : columns[column].split("\\|")) {
            countries.put(word.strip(), new CountryWord(code, form));
        }
    }

    /** The English short name of a country, such as Azerbaijan. */
    public String countryName(String code) {
        return countryNames.get(code);
    }

    public CountryWord country(String word) {
        return countries.get(word);
    }

    public Map<String, Pattern> phrases(String group) {
        return phrases.getOrDefault(group, Map.of());
    }

    /** The first value of a group whose phrase occurs in the text, or null. */
    public String firstPhrase(String group, CharSequence text) {
        for (Map.Entry<String, Pattern> phrase : phrases(group).entrySet()) {
            if (phrase.getValue().matcher(text).find()) {
                return phrase.getKey();
            }
        }
        return null;
    }

    private static final Pattern RANK_PARTICLE = Pattern.compile("(?i)de|del|do|da|e|d['’].*");

    public boolean isNotName(String word) {
        // Country words are kept unaccented ("Turkiye"); other words as written ("Tô" is a name, "To" is not).
        return notNames.contains(word) || countryWords.contains(Phrases.fold(word));
    }

    static List<String> lines(String name) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + FOLDER + name + " on the classpath");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
