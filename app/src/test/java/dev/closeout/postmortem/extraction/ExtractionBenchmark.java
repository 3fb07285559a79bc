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

import java.util.concurrent.TimeUnit;

/** Extraction throughput on one thread on the seed postmortems (goal: at least 5,000 documents/s). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {

    @Param({Corpus.SEED_LB_ROUTING, Corpus.SEED_EXAMPLEAPP})
    public String document;

    private final PostmortemExtractor extractor = new PostmortemExtractor();
    private String text;

    @Setup
    public void load() {
        text = Corpus.read(document);
    }

    @Benchmark
    public Extraction extract() {
        return extractor.extract(text);
    }
}
