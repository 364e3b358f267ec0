package org.attache.person;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** How names are compared: the same person whatever the accents, case, dots and spacing of the spelling. */
public final class PersonNames {

    private PersonNames() {
    }

    /**
     * "Kaliňák" and "KALINAK" both become "kalinak"; "Z. Hasanov" becomes "z hasanov"; "Zola-Ørsted" becomes
     * "zola orsted"; the schwa becomes e, as the database's attache_fold (V14) reads it: "Vəliyev" is "veliyev".
     */
    public static String key(String name) {
        return fold(name.replace('ə', 'e').replace('Ə', 'E'));
    }

    /**
     * Every key a name is known by: English writes the Azerbaijani schwa as e or as a ("Vəliyev" is Veliyev, "Əliyev"
     * Aliyev), so a name with one has both, as the database's attache_name_fold (V14) finds it.
     */
    public static List<String> keys(String name) {
        return name.indexOf('ə') < 0 && name.indexOf('Ə') < 0 ? List.of(key(name))
                : List.of(key(name), fold(name.replace('ə', 'a').replace('Ə', 'A')));
    }

    private static String fold(String name) {
        // Lower case first, so that one replacement serves both cases (Ø, ø) and İ's dot goes with the other marks.
        String folded = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('ı', 'i').replace('ł', 'l').replace('ø', 'o').replace('đ', 'd').replace('ß', 's');
        return folded.replace('’', '\'').replaceAll("[.\\s\u2010\u2011-]+", " ").strip();
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
