package org.attache.country;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;

/**
 * Gives the database every country's names and adjectives from the curated list extraction reads too (CountryNames), so that
 * search
 * finds a visit by "Kazakh" as well as by "Kazakhstan" and the list is kept in one place. Only changed rows are
 * written; a trigger then rebuilds the search documents of those countries' visits (every visit on the first start
 * after the migration, hence no statement timeout here).
 */
@ApplicationScoped
class CountrySearchWords {

    private static final Logger LOG = Logger.getLogger(CountrySearchWords.class);

    @Transactional
    void fill(@Observes StartupEvent start) {
        Map<String, String> words = CountryNames.namesAndAdjectives();
        var session = Panache.getEntityManager();
        session.createNativeQuery("SET LOCAL statement_timeout = 0").executeUpdate();
        int changed = session.createNativeQuery("""
                UPDATE country c SET search_words = w.words
                  FROM json_each_text(cast(:words as json)) AS w(code, words)
                 WHERE c.code = w.code AND c.search_words IS DISTINCT FROM w.words""")
                .setParameter("words", asJson(words))
                .executeUpdate();
        if (changed > 0) {
            LOG.infof("Search words of %d countries updated, with the search documents of their visits", changed);
        }
    }

    private static String asJson(Map<String, String> words) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        words.forEach(json::add);
        return json.build().toString();
    }
}
