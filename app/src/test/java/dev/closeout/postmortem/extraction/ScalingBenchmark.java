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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Time per document as the document grows: the first 1, 10 and 40 corpus postmortems joined into one
 * (distinct text, so nothing is found again in a cache). Linear time means the time per kilobyte stays
 * flat; the setup prints each size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScalingBenchmark {

    @Param({"1", "10", "40"})
    public int documents;

    private final PostmortemExtractor extractor = new PostmortemExtractor();
    private String text;

    @Setup
    public void join() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(CorpusEvaluation.corpusDirectory().resolve("dev"))) {
            files = listing.filter(file -> file.toString().endsWith(".md")).sorted().limit(documents).toList();
        }
        StringBuilder joined = new StringBuilder();
        for (Path file : files) {
            joined.append(TextDecoding.decode(Files.readAllBytes(file))).append("\n\n");
        }
        text = joined.toString();
        System.out.printf("%n%d documents, %d KB%n", documents, text.length() / 1024);
    }

    @Benchmark
    public Extraction extract() {
        return extractor.extract(text);
    }
}
