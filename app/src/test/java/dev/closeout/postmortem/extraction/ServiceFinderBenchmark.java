package dev.closeout.postmortem.extraction;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Two stages of extraction alone, in microseconds per document over the dev corpus's documents taken one after
 * the other ({@code CLOSEOUT_CORPUS_DIR}/dev): {@code service} finds the affected service in a document read
 * once in set-up (its title found there too, as the service finder reads it first), with the per-document
 * stripping cache cleared before each, as extraction clears it; {@code reading} turns the decoded text into a
 * {@link Document}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ServiceFinderBenchmark {

    private static final ServiceFinder SERVICES = new ServiceFinder();
    private static final DocumentReader READER = new DocumentReader();

    /** The dev corpus's documents: their text as the command line decodes it, read, and their titles. */
    @State(Scope.Thread)
    public static class DevCorpus {

        private BenchmarkCorpus<Prepared> documents;

        @Setup
        public void load() throws IOException {
            TitleFinder titleFinder = new TitleFinder();
            documents = BenchmarkCorpus.of(text -> {
                Document document = READER.read(text);
                return new Prepared(text, document, titleFinder.find(document));
            });
        }
    }

    /** A document's decoded text, the document read from it, and its title. */
    record Prepared(String text, Document document, String title) {
    }

    @Benchmark
    public String service(DevCorpus corpus) {
        Prepared next = corpus.documents.next();
        TextCache.startDocument();
        return SERVICES.find(next.document(), next.title());
    }

    @Benchmark
    public Document reading(DevCorpus corpus) {
        return READER.read(corpus.documents.next().text());
    }
}
