package org.attache.pressrelease.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Prints how the extractor reads one release, sentence by sentence: java ... Explain file.txt [publishedOn]. */
public final class Explain {
    public static void main(String[] args) throws Exception {
        System.out.print(new ReleaseExtractor().explain(Files.readString(Path.of(args[0])),
                args.length > 1 ? LocalDate.parse(args[1]) : null));
    }
}
