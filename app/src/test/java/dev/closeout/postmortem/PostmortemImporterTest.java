package dev.closeout.postmortem;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Corpus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostmortemImporterTest extends ApiTestBase {

    @Inject
    PostmortemImporter importer;

    @Inject
    PostmortemRepository postmortems;

    @Test
    void concurrentImportsOfTheSameTextStoreItOnce() throws Exception {
        String text = Corpus.read(Corpus.SEED_LB_ROUTING);
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ImportResult>> results = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return importer.importText("race", text, "test");
                    }))
                    .toList();
            start.countDown();

            List<ImportOutcome> outcomes = new ArrayList<>();
            for (Future<ImportResult> result : results) {
                ImportResult imported = result.get();
                outcomes.add(imported.outcome());
                assertEquals(7, imported.actions().size());
            }
            assertEquals(1, Collections.frequency(outcomes, ImportOutcome.IMPORTED), outcomes.toString());
            assertEquals(threads - 1, Collections.frequency(outcomes, ImportOutcome.UNCHANGED), outcomes.toString());
            assertEquals(1, postmortems.count());
        } finally {
            pool.shutdownNow();
        }
    }
}
