package org.attache.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.attache.agenda.AgendaItem;
import org.attache.agenda.AgendaService;
import org.attache.agreement.Agreement;
import org.attache.agreement.AgreementService;
import org.attache.api.ApiException;
import org.attache.api.Ids;
import org.attache.api.Node;
import org.attache.api.NodeIds;
import org.attache.api.NodeLookup;
import org.attache.award.Award;
import org.attache.award.AwardService;
import org.attache.country.Country;
import org.attache.delegation.Delegation;
import org.attache.delegation.DelegationService;
import org.attache.person.Person;
import org.attache.pressrelease.PressReleaseImport;
import org.attache.security.Actor;
import org.attache.security.Roles;
import org.attache.topic.Topic;

/**
 * Records by node id, of any type, each seen as its own query would show it (a draft only to editors, an import only
 * to editors): one statement per type for any number of ids.
 */
@ApplicationScoped
public class NodeService implements NodeLookup {

    /** How many node ids one nodes(ids:) call may name: as many as a page holds. */
    public static final int MAX_IDS = 100;

    /** A record type as node ids name it: its entity, its key attribute and how a key is written, who may see it. */
    private record Kind(Class<? extends Node> entity, String keyAttribute, Function<String, Object> key,
            Predicate<Object> visible, String fetch) {

        Kind(Class<? extends Node> entity, String keyAttribute, Function<String, Object> key, Predicate<Object> visible) {
            this(entity, keyAttribute, key, visible, "");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Actor actor;

    @Inject
    DelegationService delegations;

    @Inject
    AgendaService agenda;

    @Inject
    AwardService awards;

    @Inject
    AgreementService agreements;

    private Map<String, Kind> kinds() {
        Function<String, Object> number = Ids::tryParse;
        Function<String, Object> text = key -> key;
        return Map.of(
                "Delegation", new Kind(Delegation.class, "id", number, e -> delegations.visible((Delegation) e)),
                // An item is visible as its visit: fetched with it, not one query per item.
                "AgendaItem", new Kind(AgendaItem.class, "id", number, e -> agenda.visible((AgendaItem) e),
                        " join fetch e.delegation"),
                "Award", new Kind(Award.class, "id", number, e -> awards.visible((Award) e)),
                "Agreement", new Kind(Agreement.class, "id", number, e -> agreements.visible((Agreement) e)),
                "Person", new Kind(Person.class, "id", number, e -> true),
                "PressReleaseImport", new Kind(PressReleaseImport.class, "id", number, e -> actor.seesDrafts()),
                "Country", new Kind(Country.class, "code", text, e -> true),
                "Topic", new Kind(Topic.class, "slug", text, e -> true));
    }

    @Override
    @RolesAllowed(Roles.VIEWER)
    public List<Node> find(List<String> nodeIds, int max) {
        if (nodeIds.size() > max) {
            throw ApiException.invalid("ids", "ids may name at most " + max + " records.");
        }
        Map<String, Kind> kinds = kinds();
        Map<String, Map<Object, String>> wanted = new LinkedHashMap<>();
        for (String nodeId : nodeIds) {
            NodeIds.Parts parts = NodeIds.decode(nodeId);
            Kind kind = parts == null ? null : kinds.get(parts.type());
            Object key = kind == null ? null : kind.key().apply(parts.key());
            if (key != null) {
                wanted.computeIfAbsent(parts.type(), type -> new HashMap<>()).put(key, nodeId);
            }
        }
        Map<String, Node> found = new HashMap<>();
        wanted.forEach((type, keys) -> {
            Kind kind = kinds.get(type);
            List<? extends Node> records = em.createQuery("select e from " + kind.entity().getSimpleName() + " e"
                    + kind.fetch() + " where e." + kind.keyAttribute() + " in :keys", kind.entity())
                    .setParameter("keys", keys.keySet()).getResultList();
            for (Node record : records) {
                if (kind.visible().test(record)) {
                    found.put(record.getNodeId(), record);
                }
            }
        });
        List<Node> answer = new ArrayList<>(nodeIds.size());
        for (String nodeId : nodeIds) {
            answer.add(found.get(nodeId));
        }
        return answer;
    }
}
