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

    @Benchmark
    public Incident corpus(ReadDevCorpus corpus) {
        return FINDER.find(corpus.next());
    }
}
