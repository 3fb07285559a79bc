package dev.closeout.postmortem.extraction;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

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

    @Benchmark
    public RootCause corpus(ReadDevCorpus corpus) {
        return ROOT_CAUSES.extract(corpus.next());
    }
}
