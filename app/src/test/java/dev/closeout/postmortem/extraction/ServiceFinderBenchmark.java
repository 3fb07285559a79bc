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
import java.util.ArrayList;
import java.util.List;
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

        private List<String> texts;
        private final List<Document> documents = new ArrayList<>();
        private final List<String> titles = new ArrayList<>();
        private int next;

        @Setup
        public void load() throws IOException {
            List<Path> files = LabelledFolder.read(CorpusEvaluation.corpusDirectory().resolve("dev")).documents().stream()
                    .map(LabelledDocument::document).toList();
            texts = files.stream().map(DevCorpus::read).toList();
            TitleFinder titleFinder = new TitleFinder();
            for (String text : texts) {
                TextCache.startDocument();
                Document document = READER.read(text);
                documents.add(document);
                titles.add(titleFinder.find(document));
            }
            System.out.printf("%n%d dev corpus documents%n", texts.size());
        }

        private static String read(Path file) {
            try {
                return TextDecoding.decode(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int next() {
            int document = next;
            next = next + 1 == texts.size() ? 0 : next + 1;
            return document;
        }
    }

    @Benchmark
    public String service(DevCorpus corpus) {
        int document = corpus.next();
        TextCache.startDocument();
        return SERVICES.find(corpus.documents.get(document), corpus.titles.get(document));
    }

    @Benchmark
    public Document reading(DevCorpus corpus) {
        return READER.read(corpus.texts.get(corpus.next()));
    }
}
