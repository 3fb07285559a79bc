package dev.closeout.postmortem.extraction;

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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** Time per document for inputs built to hurt a parser; each must stay well under a second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class PathologicalInputBenchmark {

    @Param({"SINGLE_LINE_5MB", "NESTED_LISTS_100K", "TABLE_COLUMNS_10K", "EMPHASIS_RUN_1MB"})
    public PathologicalInputs.Kind kind;

    private final PostmortemExtractor extractor = new PostmortemExtractor();
    private String text;

    @Setup
    public void build() {
        text = PathologicalInputs.build(kind);
    }

    @Benchmark
    public Extraction extract() {
        return extractor.extract(text);
    }
}
