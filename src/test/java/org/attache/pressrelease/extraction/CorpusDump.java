package org.attache.pressrelease.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.attache.pressrelease.extraction.Extraction.PersonFact;

/**
 * Extracts every release of a folder without the service, printing one JSON line per release in the gold files'
 * shape: for working on the extractor between full scorer runs (bench/score.py --offline).
 * Run: java -cp target/classes:target/test-classes org.attache.pressrelease.extraction.CorpusDump src/test/resources/releases
 */
public final class CorpusDump {

    private static final Pattern PUBLISHED = Pattern.compile("\"publishedOn\"\\s*:\\s*\"(\\d{4}-\\d\\d-\\d\\d)\"");

    public static void main(String[] args) throws Exception {
        ReleaseExtractor extractor = new ReleaseExtractor();
        List<Path> texts;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path text : texts) {
            Path gold = Path.of(text.toString().replaceAll("\\.txt$", ".json"));
            LocalDate published = null;
            if (Files.exists(gold)) {
                Matcher m = PUBLISHED.matcher(Files.readString(gold));
                published = m.find() ? LocalDate.parse(m.group(1)) : null;
            }
            Extraction e = extractor.extract(Files.readString(text), published);
            System.out.println("{\"file\":" + q(text.getFileName().toString()) + ",\"extraction\":" + json(e) + "}");
        }
    }

    static String json(Extraction e) {
        StringBuilder b = new StringBuilder("{\"delegation\":");
        if (e.visit() == null) {
            b.append("null");
        } else {
            var v = e.visit();
            b.append("{\"visitingCountry\":").append(q(v.visitingCountry())).append(",\"hostCountry\":")
                    .append(q(v.hostCountry()))
                    .append(",\"otherCountries\":")
                    .append(v.otherCountries().stream().map(CorpusDump::q).collect(Collectors.joining(",", "[", "]")))
                    .append(",\"kind\":").append(q(v.kind())).append(",\"status\":").append(q(v.status()))
                    .append(",\"startDate\":").append(q(v.startDate())).append(",\"endDate\":").append(q(v.endDate()))
                    .append(",\"head\":").append(v.head() == null ? "null" : person(e.people().get(v.head())))
                    .append(",\"hosts\":")
                    .append(v.hosts().stream().map(i -> person(e.people().get(i))).collect(Collectors.joining(",", "[", "]")))
                    .append(",\"members\":")
                    .append(v.members().stream().map(i -> person(e.people().get(i))).collect(Collectors.joining(",", "[", "]")))
                    .append(",\"agenda\":").append(v
                            .agenda().stream().map(i -> "{\"kind\":" + q(i.kind()) + ",\"title\":" + q(i.title())
                                    + ",\"date\":" + q(i.date()) + ",\"location\":" + q(i.location())
                                    + ",\"honours\":"
                                    + i.honours().stream().sorted().map(CorpusDump::q)
                                            .collect(Collectors.joining(",", "[", "]"))
                                    + ",\"topics\":"
                                    + i.topics().stream().sorted().map(CorpusDump::q).collect(Collectors.joining(",", "[", "]"))
                                    + "}")
                            .collect(Collectors.joining(",", "[", "]")))
                    .append("}");
        }
        b.append(",\"awards\":").append(e.awards().stream().map(a -> "{\"name\":" + q(a.name()) + ",\"kind\":" + q(a.kind())
                + ",\"class\":" + q(a.grade()) + ",\"recipient\":" + person(e.people().get(a.recipient())) + ",\"conferredBy\":"
                + q(a.conferredBy()) + ",\"conferredOn\":" + q(a.conferredOn()) + "}")
                .collect(Collectors.joining(",", "[", "]")));
        b.append(",\"agreements\":")
                .append(e.agreements().stream().map(a -> "{\"title\":" + q(a.title()) + ",\"kind\":" + q(a.kind())
                        + ",\"parties\":" + a.parties().stream().map(CorpusDump::q).collect(Collectors.joining(",", "[", "]"))
                        + ",\"signedOn\":" + q(a.signedOn()) + "}").collect(Collectors.joining(",", "[", "]")));
        b.append(",\"warnings\":").append(e.warnings().stream().map(CorpusDump::q).collect(Collectors.joining(",", "[", "]")));
        return b.append("}").toString();
    }

    private static String person(PersonFact p) {
        return "{\"name\":" + q(p.fullName()) + ",\"rank\":" + q(p.rank()) + ",\"title\":" + q(p.title()) + ",\"position\":"
                + q(p.position()) + ",\"country\":" + q(p.country()) + "}";
    }

    private static String q(Object value) {
        if (value == null) {
            return "null";
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
