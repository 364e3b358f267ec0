package org.attache.pressrelease.extraction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A dictionary of phrases found in text by whole words, longest first ("Lieutenant General" before "General",
 * "Republic of Korea" before "Korea"): a hash lookup per word start instead of a regular expression of thousands
 * of alternatives, which the country names and ranks would otherwise be. Accents do not matter ("Việt Nam" is "Viet
 * Nam"), case does ("US" is no "us").
 */
final class Phrases<V> {

    record Match<V>(int start, int end, String phrase, V value) {
    }

    private static final int PREFIX = 3;
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    private final Map<String, V> byPhrase = new HashMap<>();
    /** The first characters of every phrase: most word starts begin none, and are passed over at a lookup or three. */
    private final Set<String> prefixes = new HashSet<>();
    private int maxWords = 1;

    void put(String phrase, V value) {
        String key = fold(phrase);
        byPhrase.putIfAbsent(key, value);
        prefixes.add(key.substring(0, Math.min(PREFIX, key.length())));
        maxWords = Math.max(maxWords, phrase.split("\\s+").length);
    }

    private boolean mayStartAt(CharSequence text, int start) {
        for (int n = 1; n <= PREFIX && start + n <= text.length(); n++) {
            if (prefixes.contains(fold(text.subSequence(start, start + n)))) {
                return true;
            }
        }
        return false;
    }

    V get(String phrase) {
        return byPhrase.get(fold(phrase));
    }

    /** The text without its accents; ASCII text (most of it) as it is, with no work. */
    static String fold(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return text.toString();
    }

    java.util.Set<String> phrases() {
        return byPhrase.keySet();
    }

    /** Every phrase in the text, left to right, none overlapping. */
    List<Match<V>> findAll(CharSequence text) {
        List<Match<V>> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Match<V> match = startingAt(text, i);
            if (match != null) {
                found.add(match);
                i = match.end();
            } else {
                i++;
            }
        }
        return found;
    }

    /** The longest phrase that starts exactly at {@code start} (at a word's start), or null. */
    Match<V> startingAt(CharSequence text, int start) {
        if (start >= text.length() || !Character.isLetterOrDigit(text.charAt(start))
                || start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')
                || !mayStartAt(text, start)) {
            return null;
        }
        List<Integer> ends = new ArrayList<>(maxWords);
        int i = start;
        for (int word = 0; word < maxWords && i < text.length(); word++) {
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            ends.add(i);
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
        }
        for (int w = ends.size() - 1; w >= 0; w--) {
            int end = ends.get(w);
            // "Lithuania's": the phrase without its possessive.
            if (end - start > 2 && text.charAt(end - 1) == 's'
                    && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '’')) {
                V owner = byPhrase.get(fold(text.subSequence(start, end - 2)));
                if (owner != null) {
                    return new Match<>(start, end - 2, text.subSequence(start, end - 2).toString(), owner);
                }
            }
            // Try the words as written, then without trailing punctuation one character at a time ("Baku," "U.S.").
            for (int e = end; e > start; e--) {
                char last = text.charAt(e - 1);
                if (e < end && Character.isLetterOrDigit(text.charAt(e))) {
                    break;
                }
                V value = byPhrase.get(fold(text.subSequence(start, e)));
                if (value != null && (e == text.length() || !Character.isLetterOrDigit(text.charAt(e)))) {
                    return new Match<>(start, e, text.subSequence(start, e).toString(), value);
                }
                if (Character.isLetterOrDigit(last)) {
                    break;
                }
            }
        }
        return null;
    }
}
