package org.attache.pressrelease;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.attache.agreement.Agreement;
import org.attache.api.ApiException;
import org.attache.api.Failures;
import org.attache.api.Resolvers;
import org.attache.award.Award;
import org.attache.delegation.Delegation;
import org.attache.delegation.VisitSource;
import org.attache.persistence.Batch;
import org.attache.person.Person;
import org.attache.security.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@Resolvers
@RolesAllowed(Roles.EDITOR)
public class ImportApi {

    /** Releases per importPressReleases call: a folder goes in as several calls, each answered within seconds. */
    static final int MAX_BATCH = 50;

    @Inject
    ImportService imports;

    @Query
    @Description("The press-release import with this id, or null. Editors only.")
    public PressReleaseImport pressReleaseImport(@NonNull @Id @Description("The import's id.") String id) {
        return imports.find(id);
    }

    @Query
    @NonNull
    @Description("Press-release imports, most recent first, of one status if given. first defaults to 20, at most 100."
            + " Editors only.")
    public PressReleaseImportConnection pressReleaseImports(
            @Description("Only imports with this status; all of them when left out.") ImportStatus status,
            @Description("How many imports to return, from 0 to 100; 20 when left out.") Integer first,
            @Description("Start after this cursor: an endCursor or edge cursor this list returned for the same status;"
                    + " the first page when left out.") String after) {
        return imports.list(status, first, after);
    }

    @Mutation
    @NonNull
    @Description("Drafts a visit (with its agenda), awards and documents signed from a press release's text, linking the"
            + " persons it names to recorded ones or creating them. The drafts are seen by editors only until published."
            + " The same release again (same sourceUrl, or the same text) returns the existing import.")
    public PressReleaseImport importPressRelease(
            @NonNull @Description("The release: its text, and where and when it was published.") PressReleaseInput input) {
        return imports.importRelease(input);
    }

    @Mutation
    @NonNull
    @Description("Imports up to " + MAX_BATCH + " releases, each in a transaction of its own, as importPressRelease"
            + " would one by one: for loading a folder of releases. Refusals are returned per release, not as errors.")
    // Not one transaction for the batch (as every resolver has, see Resolvers): each release commits on its own, and a
    // refused one must not roll back those before it.
    @Transactional(TxType.NOT_SUPPORTED)
    public List<@NonNull ImportResult> importPressReleases(
            @NonNull @Description("The releases, at most " + MAX_BATCH
                    + "; their results come in the same order.") List<@NonNull PressReleaseInput> inputs) {
        if (inputs.size() > MAX_BATCH) {
            throw ApiException.invalid("inputs",
                    "At most " + MAX_BATCH + " releases per call; " + inputs.size() + " were sent.");
        }
        List<ImportResult> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                PressReleaseImport release = imports.importRelease(inputs.get(i));
                results.add(new ImportResult(release, release.alreadyImported, null));
            } catch (RuntimeException e) {
                ApiException refusal = Failures.translate(e);
                String field = refusal.field() == null ? "inputs[" + i + "]" : "inputs[" + i + "]." + refusal.field();
                results.add(new ImportResult(null, false, new ImportResult.ImportError(refusal.code().name(),
                        refusal.getMessage(), field)));
            }
        }
        return results;
    }

    @Mutation
    @NonNull
    @Description("Publishes what an import drafted, in one transaction: the visit becomes PLANNED or COMPLETED from its"
            + " dates, awards and documents become visible, and subscribers hear of them. expectedVersion must be the"
            + " import's version last read, or the publication is a CONFLICT.")
    public PressReleaseImport publishImport(
            @NonNull @Id @Description("The id of the import to publish; only a DRAFT is published.") String id,
            @Description("The import's version as last read.") int expectedVersion) {
        return imports.publish(id, expectedVersion);
    }

    @Mutation
    @NonNull
    @Id
    @Description("Removes what a drafted import created (visit, agenda, awards, documents, and persons nothing else"
            + " references); the import stays, DISCARDED, and importing the release again drafts it anew.")
    public String discardImport(
            @NonNull @Id @Description("The id of the import to discard; only a DRAFT is discarded.") String id) {
        return imports.discard(id);
    }

    @Description("Where the release was published, if given.")
    public VisitSource source(@Source PressReleaseImport release) {
        return release.source();
    }

    @Description("The drafted visit; null when the release reports no visit (an award ceremony alone, say) or it was"
            + " deleted.")
    public List<Delegation> delegation(@Source List<PressReleaseImport> list) {
        return Batch.referenced(list, i -> i.delegation, Delegation.class);
    }

    @NonNull
    @Description("The awards drafted, with or without the visit.")
    public List<@NonNull List<@NonNull Award>> awards(@Source List<PressReleaseImport> list) {
        return drafted(list, "awards", Award.class);
    }

    @NonNull
    @Description("The documents signed that were drafted.")
    public List<@NonNull List<@NonNull Agreement>> agreements(@Source List<PressReleaseImport> list) {
        return drafted(list, "agreements", Agreement.class);
    }

    @NonNull
    @Description("Every naming of a person the import recognised, in text order, with the person linked.")
    public List<@NonNull List<@NonNull PersonMention>> people(@Source List<PressReleaseImport> list) {
        List<Long> ids = new ArrayList<>();
        for (PressReleaseImport release : list) {
            for (JsonValue mention : ImportService.read(release.people).asJsonArray()) {
                ids.add(mention.asJsonObject().getJsonNumber("personId").longValue());
            }
        }
        Map<Object, Person> persons = Batch.byId(Person.class, ids.stream().distinct().toList());
        List<List<PersonMention>> result = new ArrayList<>();
        for (PressReleaseImport release : list) {
            List<PersonMention> mentions = new ArrayList<>();
            for (JsonValue value : ImportService.read(release.people).asJsonArray()) {
                JsonObject m = value.asJsonObject();
                Person person = persons.get(m.getJsonNumber("personId").longValue());
                if (person != null) {
                    mentions.add(new PersonMention(m.getString("text"), m.getInt("start"), m.getInt("end"), person,
                            m.getBoolean("matched")));
                }
            }
            result.add(mentions);
        }
        return result;
    }

    @NonNull
    @Description("For every drafted fact, the words of the text that support it.")
    public List<@NonNull Evidence> evidence(@Source PressReleaseImport release) {
        List<Evidence> evidence = new ArrayList<>();
        for (JsonValue value : ImportService.read(release.evidence).asJsonArray()) {
            JsonObject e = value.asJsonObject();
            int start = e.getInt("start");
            int end = e.getInt("end");
            evidence.add(new Evidence(e.getString("field"), start, end, ImportService.quote(release.text, start, end),
                    e.getJsonNumber("confidence").doubleValue()));
        }
        return evidence;
    }

    @NonNull
    @Description("What could not be decided: no year in a date, a person's country, two candidates for the head, ...")
    public List<@NonNull String> warnings(@Source PressReleaseImport release) {
        return ImportService.read(release.warnings).asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    @Description("How many imports match, across all pages. Counted only when selected.")
    public int totalCount(@Source PressReleaseImportConnection connection) {
        return connection.totalCount();
    }

    private static <T> List<List<T>> drafted(List<PressReleaseImport> list, String key, Class<T> type) {
        List<Long> ids = new ArrayList<>();
        for (PressReleaseImport release : list) {
            ImportService.read(release.drafted).asJsonObject().getJsonArray(key)
                    .forEach(id -> ids.add(Long.parseLong(id.toString())));
        }
        Map<Object, T> found = Batch.byId(type, ids.stream().distinct().toList());
        List<List<T>> result = new ArrayList<>();
        for (PressReleaseImport release : list) {
            List<T> records = new ArrayList<>();
            ImportService.read(release.drafted).asJsonObject().getJsonArray(key).forEach(id -> {
                T record = found.get(Long.parseLong(id.toString()));
                if (record != null) {
                    records.add(record);
                }
            });
            result.add(records);
        }
        return result;
    }
}
