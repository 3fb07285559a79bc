package dev.closeout.postmortem.extraction;

import dev.closeout.support.Corpus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Extraction throughput on one thread, in documents per second (goal: at least 6,000 on the dev corpus).
 * {@code corpus} extracts every labelled document of the dev corpus ({@code CLOSEOUT_CORPUS_DIR}/dev) in
 * turn, so its figure is the corpus's own mix of sizes and shapes; {@code seed} repeats one of the two
 * example postmortems, the cheapest documents there are, kept to compare with earlier rounds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {

    private static final PostmortemExtractor EXTRACTOR = new PostmortemExtractor();

    /** The dev corpus's documents as the command line decodes them, taken one after the other. */
    @State(Scope.Thread)
    public static class DevCorpus {

        private BenchmarkCorpus<String> texts;

        @Setup
        public void load() throws IOException {
            texts = BenchmarkCorpus.of(text -> text);
        }

        String next() {
            return texts.next();
        }
    }

    /** One seed postmortem from docs/examples. */
    @State(Scope.Thread)
    public static class Seed {

        @Param({Corpus.SEED_LB_ROUTING, Corpus.SEED_EXAMPLEAPP})
        public String document;

        private String text;

        @Setup
        public void load() {
            text = Corpus.read(document);
        }
    }

    @Benchmark
    public Extraction corpus(DevCorpus corpus) {
        return EXTRACTOR.extract(corpus.next());
    }

    @Benchmark
    public Extraction seed(Seed seed) {
        return EXTRACTOR.extract(seed.text);
    }
}
