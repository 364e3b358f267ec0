package org.attache.country;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The curated list of what every country is called ({@code extraction/countries.tsv}): a row per country, its code,
 * then its names, adjectives and cities, each column |-separated. Search and extraction both read it from here.
 */
public final class CountryNames {

    private static final String RESOURCE = "extraction/countries.tsv";

    private CountryNames() {
    }

    /** The rows, each split into its columns. */
    public static List<String[]> rows() {
        try (InputStream in = CountryNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every country's names and adjectives (not its cities), space-separated, by code: what readers call it. */
    public static Map<String, String> namesAndAdjectives() {
        Map<String, String> words = new TreeMap<>();
        for (String[] columns : rows()) {
            String named = columns[1] + (columns.length > 2 && !columns[2].isBlank() ? "|" + columns[2] : "");
            words.put(columns[0], String.join(" ", named.split("\\|")));
        }
        return words;
    }
}
