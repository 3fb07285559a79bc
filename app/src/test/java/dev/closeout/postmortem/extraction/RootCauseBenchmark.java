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
 * The root-cause stage alone ({@link RootCauseExtractor#extract}: locate, summarise, the cue rules and the trained
 * model), in microseconds per document, over every labelled document of the dev corpus
 * ({@code CLOSEOUT_CORPUS_DIR}/dev) in turn. The documents are read once, before timing. Each document starts with
 * an empty {@link TextCache}, as a document does in {@link PostmortemExtractor}; there the stages before this one may
 * have stripped some of the same lines already, so the stage costs a little less inside the whole extraction.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RootCauseBenchmark {

    private static final RootCauseExtractor ROOT_CAUSES = new RootCauseExtractor();

    /** The dev corpus's documents, read as the engine reads them, taken one after the other. */
    @State(Scope.Thread)
    public static class DevCorpus {

        private List<Document> documents;
        private int next;

        @Setup
        public void load() throws IOException {
            DocumentReader reader = new DocumentReader();
            Path dev = CorpusEvaluation.corpusDirectory().resolve("dev");
            List<Path> files = LabelledFolder.read(dev).documents().stream().map(LabelledDocument::document).toList();
            documents = files.stream()
                    .map(file -> {
                        TextCache.startDocument();
                        return reader.read(read(file));
                    })
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
    public RootCause corpus(DevCorpus corpus) {
        TextCache.startDocument();
        return ROOT_CAUSES.extract(corpus.next());
    }
}
