package org.attache.person;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** How names are compared: the same person whatever the accents, case, dots and spacing of the spelling. */
public final class PersonNames {

    private PersonNames() {
    }

    /** "Kaliňák" and "KALINAK" both become "kalinak"; "Z. Hasanov" becomes "z hasanov". */
    public static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('ı', 'i').replace('ł', 'l').replace('Ł', 'L').replace('ø', 'o').replace('đ', 'd').replace('ß', 's');
        return folded.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[.\\s]+", " ").strip();
    }

    /**
     * Whether two namings have the same words in another order: releases write some names family name first
     * ("Khalmukhamedov Shukhrat" for Shukhrat Khalmukhamedov).
     */
    public static boolean reordered(List<String> words, List<String> full) {
        return words.size() >= 2 && words.size() == full.size() && words.stream().sorted().toList()
                .equals(full.stream().sorted().toList());
    }

    /**
     * Whether a shorter naming stands for a full one: a surname or given name alone, with the initials that fit
     * ("z hasanov" for "zakir hasanov", "metin" for "metin gurak"), or some of the full name's words in order.
     */
    public static boolean shortFormOf(List<String> words, List<String> full) {
        List<String> named = words.stream().filter(w -> w.length() > 1).toList();
        List<String> initials = words.stream().filter(w -> w.length() == 1).toList();
        if (named.isEmpty() || named.size() >= full.size() && !full.containsAll(named)) {
            return false;
        }
        if (named.size() == 1) {
            return full.contains(named.get(0)) && (initials.isEmpty() || full.get(0).startsWith(initials.get(0)));
        }
        return full.containsAll(named) && full.get(full.size() - 1).equals(named.get(named.size() - 1));
    }
}
