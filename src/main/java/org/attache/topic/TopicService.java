package org.attache.topic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.attache.api.ApiException;
import org.attache.api.Inputs;
import org.attache.history.ChangeHistory;

@ApplicationScoped
public class TopicService {

    @Inject
    ChangeHistory history;

    public List<Topic> all() {
        return Topic.list("from Topic e order by " + Topic.ORDER.hql("e"));
    }

    @Transactional
    public Topic create(@Valid TopicInput input) {
        if (Topic.findById(input.slug()) != null) {
            throw ApiException.conflict("The topic '" + input.slug() + "' already exists.");
        }
        Topic topic = new Topic();
        topic.slug = input.slug();
        topic.label = input.label().strip();
        topic.persist();
        history.created(topic);
        return topic;
    }

    /** The topic with this slug; an unknown slug is NOT_FOUND, naming the field it came from. */
    public Topic require(String slug, String field) {
        Topic topic = Topic.findById(slug);
        if (topic == null) {
            throw ApiException.notFound(field,
                    "'" + slug + "' is not a known topic; see the topics query or add it with createTopic.");
        }
        return topic;
    }

    public Set<Topic> requireAll(List<String> slugs, String field) {
        Set<Topic> topics = new LinkedHashSet<>();
        for (String slug : Inputs.list(slugs, field)) {
            topics.add(require(slug, field));
        }
        return topics;
    }
}
