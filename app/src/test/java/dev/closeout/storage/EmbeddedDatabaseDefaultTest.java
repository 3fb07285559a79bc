package dev.closeout.storage;

import dev.closeout.postmortem.ImportResult;
import dev.closeout.postmortem.PostmortemImporter;
import dev.closeout.postmortem.PostmortemRepository;
import dev.closeout.support.Corpus;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedDatabaseDefaultTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutADatasourceUrlDataLivesInTheDataDirectoryAndSurvivesARestart() {
        Map<String, Object> config = Map.of("closeout.data-dir", dataDir.toString());
        long id;
        try (ApplicationContext first = ApplicationContext.run(config)) {
            ImportResult imported = first.getBean(PostmortemImporter.class)
                    .importText("seed", Corpus.read(Corpus.SEED_LB_ROUTING), "test");
            id = imported.postmortem().id();
            String url = first.getBean(DatasourceConfiguration.class, Qualifiers.byName("default")).getUrl();
            assertTrue(url.startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath()), url);
        }
        assertTrue(Files.exists(dataDir.resolve("closeout.mv.db")));

        try (ApplicationContext second = ApplicationContext.run(config)) {
            ImportResult again = second.getBean(PostmortemImporter.class)
                    .importText("seed", Corpus.read(Corpus.SEED_LB_ROUTING), "test");
            assertFalse(again.created());
            assertEquals(id, again.postmortem().id());
            assertEquals(7, again.actions().size());
            assertEquals(1, second.getBean(PostmortemRepository.class).count());
        }
    }

    @Test
    void makesARelativeDataDirectoryAbsolute() {
        String url = EmbeddedDatabaseDefault.url(Path.of("relative-data"));

        assertTrue(url.startsWith("jdbc:h2:file:" + Path.of("").toAbsolutePath().resolve("relative-data")), url);
        assertTrue(url.contains(";MODE=MySQL;DATABASE_TO_LOWER=TRUE"), url);
    }
}
