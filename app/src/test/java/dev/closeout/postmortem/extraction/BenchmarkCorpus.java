package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.evaluation.LabelledDocument;
import dev.closeout.postmortem.evaluation.LabelledFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The dev corpus's documents for the benchmarks, each prepared once in set-up as far as the measured stage needs
 * (decoded, read, ...) and handed out one after the other, so a benchmark measures the corpus's own mix.
 */
final class BenchmarkCorpus<T> {

    private final List<T> items;
    private int next;

    private BenchmarkCorpus(List<T> items) {
        this.items = items;
    }

    /**
     * Every labelled document of the dev corpus, decoded as the command line decodes it, then {@code prepare}d
     * with an empty line cache, as extraction starts each document.
     */
    static <T> BenchmarkCorpus<T> of(Function<String, T> prepare) throws IOException {
        List<Path> files = LabelledFolder.read(CorpusEvaluation.corpusDirectory().resolve("dev")).documents().stream()
                .map(LabelledDocument::document).toList();
        List<T> items = files.stream().map(BenchmarkCorpus::decoded).map(text -> {
            TextCache.startDocument();
            return prepare.apply(text);
        }).toList();
        System.out.printf("%n%d dev corpus documents%n", items.size());
        return new BenchmarkCorpus<>(items);
    }

    /** The next document, the first again after the last. */
    T next() {
        T item = items.get(next);
        next = next + 1 == items.size() ? 0 : next + 1;
        return item;
    }

    private static String decoded(Path file) {
        try {
            return TextDecoding.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
