package dev.closeout.postmortem.extraction;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;

/**
 * The dev corpus's documents read once, as the extractor reads them, for the benchmarks of one stage: each taken in
 * turn with an empty line cache ({@link TextCache}), as extraction starts every document.
 */
@State(Scope.Thread)
public class ReadDevCorpus {

    private BenchmarkCorpus<Document> documents;

    @Setup
    public void load() throws IOException {
        documents = BenchmarkCorpus.of(new DocumentReader()::read);
    }

    /** The next document, its line cache emptied. */
    Document next() {
        TextCache.startDocument();
        return documents.next();
    }
}
