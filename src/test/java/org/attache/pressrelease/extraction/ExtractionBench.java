package org.attache.pressrelease.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Extraction alone, on one thread: the corpus's releases extracted over and over, after a warm-up; prints the
 * releases per second of each of five rounds and their median. Run by bench/extraction.sh (see docs/benchmarks.md).
 */
public final class ExtractionBench {

    public static void main(String[] args) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        ReleaseExtractor extractor = new ReleaseExtractor();
        LocalDate published = LocalDate.parse("2024-04-25");
        long sink = 0;
        for (int i = 0; i < 3000; i++) { // warm-up: the JIT compiles the hot paths
            sink += extractor.extract(texts.get(i % texts.size()), published).evidence().size();
        }
        double[] rates = new double[5];
        for (int round = 0; round < rates.length; round++) {
            int count = 2000;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sink += extractor.extract(texts.get(i % texts.size()), published).evidence().size();
            }
            rates[round] = count / ((System.nanoTime() - start) / 1e9);
            System.out.printf("round %d: %.0f releases/s%n", round + 1, rates[round]);
        }
        Arrays.sort(rates);
        System.out.printf("median: %.0f releases/s on one thread (%d texts, %d facts drafted)%n", rates[2], texts.size(),
                sink % 1000);
    }
}
