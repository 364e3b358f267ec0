package org.attache.robustness;

import static org.attache.GraphQL.post;
import static org.attache.GraphQL.postWithResolvers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.attache.Fixtures;
import org.attache.InputTypes;
import org.attache.agenda.AgendaItemInput;
import org.attache.agreement.AgreementInput;
import org.attache.api.Chars;
import org.attache.award.AwardInput;
import org.attache.delegation.DelegationInput;
import org.attache.person.PersonInput;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Drives every create and update mutation with inputs generated from the input types themselves (their record
 * components, which SmallRye turns into the schema's input types): each component in turn absent, null or one of its
 * valid edge values (a text at its length limit in Latin and in other scripts, the first and last day of the visit,
 * 00:00 and 23:59, every enum constant, empty and full lists), the others at a valid base; then seeded random
 * combinations of them. Every answer must carry no INTERNAL error; an accepted one must be what is read back, and the
 * visit it touches must read the same from the one-statement path and the resolvers.
 */
@QuarkusTest
class GeneratedMutationsTest {

    private static final Logger LOG = Logger.getLogger(GeneratedMutationsTest.class);
    /** Letters of the releases' languages and a symbol outside the Basic Multilingual Plane, cycled to a limit. */
    private static final int[] MIXED = "Zəkir Həsənov Қазақстан القوات 軍事 🎖 Kaliňák ".codePoints().toArray();
    private static final Object ABSENT = new Object();

    private static final String PERSON = "id fullName rank position version country { code }";
    private static final String VISIT = "id title kind status startDate endDate summary version visitingCountry { code }"
            + " hostCountry { code } head { id fullName } members { role position person { id } }"
            + " hosts { role position person { id } } topics { slug } sources { outlet url title publishedOn }";
    private static final String ITEM = "id kind title date startTime location description version honours"
            + " participants { id } topics { slug } delegation { id }";
    private static final String AWARD = "id name kind conferredOn citation grade conferredByAuthority version recipient { id }"
            + " conferredBy { code } delegation { id }";
    private static final String AGREEMENT = "id title kind signedOn version parties { code } signatories { id } delegation { id }";
    /** What the one-statement path compiles, read both ways. */
    private static final String BOTH_PATHS = "query($id: ID!) { delegation(id: $id) { id title kind status startDate endDate"
            + " summary version visitingCountry { code name } hostCountry { code } head { id fullName rank position"
            + " country { code } } agenda { id kind title date startTime location description } awards { id name kind"
            + " conferredOn citation recipient { id fullName } conferredBy { code } } } }";

    private int cases;
    private int accepted;
    private final Map<String, Integer> refusedByCode = new LinkedHashMap<>();

    private String somebody;
    private String another;

    @Test
    void everyMutationAcceptsEveryValidEdgeValueAndNeverFailsInternally() {
        somebody = Fixtures.person("Sultan Kamaletdinov", "KAZ");
        another = Fixtures.person("Zakir Hasanov", "AZE");

        for (Map<String, Object> input : oneAtATime(PersonInput.class)) {
            String id = expectAccepted("createPerson", "PersonInput", input, PERSON, "person", null);
            expectAccepted("updatePerson", "PersonUpdateInput", input, PERSON, "person", id);
        }
        for (Map<String, Object> input : oneAtATime(DelegationInput.class)) {
            String id = expectAccepted("createDelegation", "DelegationInput", input, VISIT, "delegation", null);
            expectAccepted("updateDelegation", "DelegationUpdateInput", input, VISIT, "delegation", id);
            bothPathsAgree(id);
        }
        String visit = visit();
        for (Map<String, Object> input : oneAtATime(AgendaItemInput.class)) {
            String id = expectAccepted("addAgendaItem", "AgendaItemInput", input, ITEM, "agendaItem", null, visit);
            expectAccepted("updateAgendaItem", "AgendaItemUpdateInput", input, ITEM, "agendaItem", id);
        }
        bothPathsAgree(visit);
        for (Map<String, Object> input : oneAtATime(AwardInput.class)) {
            String id = expectAccepted("conferAward", "AwardInput", input, AWARD, "award", null);
            expectAccepted("updateAward", "AwardUpdateInput", input, AWARD, "award", id);
        }
        bothPathsAgree(visit);
        for (Map<String, Object> input : oneAtATime(AgreementInput.class)) {
            String id = expectAccepted("recordAgreement", "AgreementInput", input, AGREEMENT, "agreement", null);
            expectAccepted("updateAgreement", "AgreementUpdateInput", input, AGREEMENT, "agreement", id);
        }

        // Combinations: any answer may refuse (two choices can break a rule together), none may fail internally.
        Random random = new Random(20241125);
        for (int i = 0; i < 60; i++) {
            tryAny("createPerson", "PersonInput", combination(PersonInput.class, random), PERSON, "person", null);
            String created = tryAny("createDelegation", "DelegationInput", combination(DelegationInput.class, random), VISIT,
                    "delegation", null);
            String target = created != null ? created : visit;
            tryAny("addAgendaItem", "AgendaItemInput", combination(AgendaItemInput.class, random), ITEM, "agendaItem",
                    null, target);
            tryAny("conferAward", "AwardInput", combination(AwardInput.class, random), AWARD, "award", null);
            tryAny("recordAgreement", "AgreementInput", combination(AgreementInput.class, random), AGREEMENT, "agreement",
                    null);
            bothPathsAgree(target);
        }
        LOG.infof("Generated mutations: %d cases, %d accepted, refused by code %s", cases, accepted, refusedByCode);
        assertNotEquals(0, accepted);
    }

    /** The base input, then each component varied alone over its values. */
    private List<Map<String, Object>> oneAtATime(Class<? extends Record> type) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            for (Object value : values(type, component)) {
                Map<String, Object> input = base(type);
                put(input, component.getName(), value);
                inputs.add(input);
            }
        }
        return inputs;
    }

    private Map<String, Object> combination(Class<? extends Record> type, Random random) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            List<Object> values = values(type, component);
            put(input, component.getName(), values.get(random.nextInt(values.size())));
        }
        return input;
    }

    private static void put(Map<String, Object> input, String name, Object value) {
        if (value == ABSENT) {
            input.remove(name);
        } else {
            input.put(name, value);
        }
    }

    /** A valid input: every required component at an ordinary value, the optional ones absent. */
    private Map<String, Object> base(Class<? extends Record> type) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            put(input, component.getName(), InputTypes.required(component) ? values(type, component).get(0) : ABSENT);
        }
        return input;
    }

    /** The values one component may take: its ordinary value first, then absent and null if optional, then edges. */
    private List<Object> values(Class<? extends Record> type, RecordComponent component) {
        String name = component.getName();
        List<Object> values = new ArrayList<>(specific(type, name, component));
        if (!InputTypes.required(component)) {
            values.add(1, ABSENT);
            values.add(2, null);
        }
        return values;
    }

    private List<Object> specific(Class<? extends Record> type, String name, RecordComponent component) {
        Class<?> raw = component.getType();
        Chars chars = component.getAnnotation(Chars.class);
        if (raw.isEnum()) {
            // DRAFT is given by importPressRelease only; recording it by hand is refused by design (PressReleaseImportTest).
            return Arrays.stream(raw.getEnumConstants()).map(constant -> (Object) ((Enum<?>) constant).name())
                    .filter(value -> !value.equals("DRAFT")).toList();
        }
        if (raw == LocalTime.class) {
            return List.of("09:30", "00:00", "23:59");
        }
        if (raw == LocalDate.class) {
            return switch (name) {
                case "startDate" -> List.of("2024-04-25", "1900-01-01", "2100-12-31");
                case "endDate" -> List.of("2024-04-27", "2024-04-25");
                // The visit the item or award belongs to runs from 2024-04-25 to 2024-04-27.
                case "date", "conferredOn", "signedOn" -> List.of("2024-04-25", "2024-04-27");
                default -> List.of("2024-04-26", "1900-01-01", "2100-12-31");
            };
        }
        if (raw == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            if (element.isEnum()) {
                return List.of(List.of(), Arrays.stream(element.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            }
            if (element.isRecord()) {
                @SuppressWarnings("unchecked")
                Class<? extends Record> nested = (Class<? extends Record>) element;
                Map<String, Object> plain = base(nested);
                Map<String, Object> edge = new LinkedHashMap<>();
                for (RecordComponent part : nested.getRecordComponents()) {
                    List<Object> partValues = values(nested, part);
                    put(edge, part.getName(), partValues.get(partValues.size() - 1));
                }
                // Empty first: members and hosts name the same person, and one person may not be both.
                return List.of(List.of(), List.of(plain), List.of(edge));
            }
            return switch (name) {
                case "topics" -> List.of(List.of("military"), List.of(), List.of("joint-exercises", "military"));
                case "participantIds", "signatoryIds" -> List.of(List.of(somebody), List.of(), List.of(somebody, another));
                case "otherCountries" -> List.of(List.of(), List.of("GEO"), List.of("geo", "ARM"));
                case "parties" -> List.of(List.of("KAZ", "AZE"), List.of("kaz"), List.of("KAZ", "AZE", "TUR", "GEO"));
                default -> throw new IllegalStateException("no values for " + type.getSimpleName() + "." + name);
            };
        }
        return switch (name) {
            case "country", "visitingCountry", "conferredBy" -> List.of("KAZ", "kaz", "TUR");
            case "hostCountry" -> List.of("AZE", "aze");
            case "headId", "recipientId", "personId" -> List.of(name.equals("personId") ? another : somebody);
            case "delegationId" -> List.of(visit());
            case "url" -> List.of("https://mod.gov.az/en/news/47000", "https://mod.gov.az/" + "a".repeat(chars.max() - 19));
            default -> {
                if (chars == null) {
                    throw new IllegalStateException("no values for " + type.getSimpleName() + "." + name);
                }
                yield List.of("Meeting at the General Staff", "  Padded  ", latin(chars.max()), mixed(chars.max()));
            }
        };
    }

    private String visitId;

    /** The visit agenda items and awards are added to: 2024-04-25 to 2024-04-27. */
    private String visit() {
        if (visitId == null) {
            Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-25");
            input.put("endDate", "2024-04-27");
            visitId = Fixtures.delegation(input);
        }
        return visitId;
    }

    private static String latin(int length) {
        return "A" + "b".repeat(length - 1);
    }

    private static String mixed(int length) {
        StringBuilder text = new StringBuilder("A");
        for (int i = 1; i < length; i++) {
            int codePoint = MIXED[i % MIXED.length];
            // Text ends on a visible character: trailing spaces would be trimmed.
            text.appendCodePoint(i == length - 1 && Character.isWhitespace(codePoint) ? 'z' : codePoint);
        }
        return text.toString();
    }

    private String expectAccepted(String mutation, String inputType, Map<String, Object> input, String selection,
            String query, String id, String... parent) {
        JsonPath answer = mutate(mutation, inputType, input, selection, id, parent);
        assertNull(answer.get("errors"), () -> mutation + " refused a valid input " + input + ": " + answer.prettify());
        return readsBackAsAnswered(mutation, answer, selection, query);
    }

    /** Runs it; an accepted answer must read back as answered. Returns the id, or null when refused. */
    private String tryAny(String mutation, String inputType, Map<String, Object> input, String selection, String query,
            String id, String... parent) {
        JsonPath answer = mutate(mutation, inputType, input, selection, id, parent);
        if (answer.get("errors") != null) {
            return null;
        }
        return readsBackAsAnswered(mutation, answer, selection, query);
    }

    private JsonPath mutate(String mutation, String inputType, Map<String, Object> input, String selection, String id,
            String... parent) {
        cases++;
        boolean update = id != null;
        String arguments = update ? "id: $id, input: $input, expectedVersion: $version"
                : parent.length > 0 ? "delegationId: $parent, input: $input" : "input: $input";
        String variables = update ? "$id: ID!, $input: " + inputType + "!, $version: Int!"
                : parent.length > 0 ? "$parent: ID!, $input: " + inputType + "!" : "$input: " + inputType + "!";
        String document = "mutation(" + variables + ") { " + mutation + "(" + arguments + ") { " + selection + " } }";
        int version = update ? currentVersion(mutation, id) : 0;
        JsonPath answer = update ? post(document, "id", id, "input", input, "version", version)
                : parent.length > 0 ? post(document, "parent", parent[0], "input", input) : post(document, "input", input);
        if (answer.get("errors") != null) {
            String code = answer.getString("errors[0].extensions.code");
            assertNotNull(code, answer::prettify);
            assertNotEquals("INTERNAL", code, () -> mutation + " failed internally on " + input + ": " + answer.prettify());
            refusedByCode.merge(code, 1, Integer::sum);
        } else {
            accepted++;
        }
        return answer;
    }

    private int currentVersion(String mutation, String id) {
        String query = switch (mutation) {
            case "updatePerson" -> "person";
            case "updateDelegation" -> "delegation";
            case "updateAgendaItem" -> "agendaItem";
            case "updateAgreement" -> "agreement";
            default -> "award";
        };
        return post("query($id: ID!) { " + query + "(id: $id) { version } }", "id", id).getInt("data." + query + ".version");
    }

    private static String readsBackAsAnswered(String mutation, JsonPath answer, String selection, String query) {
        Map<String, Object> answered = answer.getMap("data." + mutation);
        String id = String.valueOf(answered.get("id"));
        Map<String, Object> read = post("query($id: ID!) { " + query + "(id: $id) { " + selection + " } }", "id", id)
                .getMap("data." + query);
        assertEquals(answered, read, () -> mutation + " answered what is not read back");
        return id;
    }

    private static void bothPathsAgree(String visit) {
        Function<JsonPath, Object> data = answer -> {
            assertNull(answer.get("errors"), answer::prettify);
            return answer.get("data");
        };
        assertEquals(data.apply(postWithResolvers(BOTH_PATHS, "id", visit)), data.apply(post(BOTH_PATHS, "id", visit)),
                "the one-statement path and the resolvers disagree on visit " + visit);
    }
}
