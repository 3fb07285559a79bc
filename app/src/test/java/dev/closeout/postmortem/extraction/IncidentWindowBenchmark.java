package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.evaluation.LabelledDocument;
import dev.closeout.postmortem.evaluation.LabelledFolder;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The incident-window stage alone, in microseconds per document over the dev corpus
 * ({@code CLOSEOUT_CORPUS_DIR}/dev): every labelled document read once in setup, then
 * {@link IncidentWindowFinder#find} on each in turn, so the figure is the corpus's own mix. The whole
 * engine's goal (6,000 documents/s on one core) leaves about 167 µs per document for every stage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class IncidentWindowBenchmark {

    private static final IncidentWindowFinder FINDER = new IncidentWindowFinder();

    /** The dev corpus's documents, read as the extractor reads them, taken one after the other. */
    @State(Scope.Thread)
    public static class DevCorpus {

        private List<Document> documents;
        private int next;

        @Setup
        public void load() throws IOException {
            DocumentReader reader = new DocumentReader();
            documents = LabelledFolder.read(CorpusEvaluation.corpusDirectory().resolve("dev")).documents().stream()
                    .map(LabelledDocument::document)
                    .map(file -> reader.read(read(file)))
                    .toList();
            System.out.printf("%n%d dev corpus documents%n", documents.size());
        }

        private static String read(Path file) {
            try {
                return TextDecoding.decode(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Document next() {
            Document document = documents.get(next);
            next = next + 1 == documents.size() ? 0 : next + 1;
            return document;
        }
    }

    @Benchmark
    public Incident corpus(DevCorpus corpus) {
        // each document starts with an empty line cache, as in extraction
        TextCache.startDocument();
        return FINDER.find(corpus.next());
    }
}
