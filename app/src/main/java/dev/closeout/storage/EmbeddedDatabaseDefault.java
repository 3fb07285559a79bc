package dev.closeout.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * With no datasource URL configured, Closeout runs on an H2 file database in MySQL mode under
 * {@code closeout.data-dir}, so a first run needs no database server and keeps its data across restarts.
 * The same Flyway scripts migrate it as they do MySQL and MariaDB.
 * <p>
 * Several processes may use it at once, as a person does who runs {@code closeout import} or {@code token create}
 * while the service runs: H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}). The first process opens the file
 * and serves it on a TCP port of its own; the others find that port in the lock file beside the database and
 * work through it. When the first process ends, another takes the file over.
 */
@Singleton
class EmbeddedDatabaseDefault implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final String URL_PROPERTY = "datasources.default.url";
    /** H2's system property for the address its servers listen on: every interface unless set. */
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseDefault.class);

    private final CloseoutConfiguration configuration;
    private final Environment environment;

    EmbeddedDatabaseDefault(CloseoutConfiguration configuration, Environment environment) {
        this.configuration = configuration;
        this.environment = environment;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        // Asked of the environment: by now Micronaut has filled an unset URL with an in-memory H2 one.
        String configured = environment.getProperty(URL_PROPERTY, String.class).orElse("");
        if (!"default".equals(datasource.getName()) || !configured.isBlank()) {
            return datasource;
        }
        listenOnLoopbackOnly();
        String url = url(configuration.dataDir());
        datasource.setUrl(url);
        datasource.setJdbcUrl(url);
        datasource.setDriverClassName("org.h2.Driver");
        datasource.setUsername("sa");
        datasource.setPassword("");
        LOG.info("No datasource configured: using the embedded database in {}",
                configuration.dataDir().toAbsolutePath().normalize());
        return datasource;
    }

    static String url(Path dataDir) {
        // H2 refuses implicitly relative paths, so the directory is made absolute here.
        Path file = dataDir.toAbsolutePath().normalize().resolve("closeout");
        return "jdbc:h2:file:" + file + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    /**
     * The processes that share a data directory share a machine, so the port the first one serves the database on
     * is bound to the loopback address, not to every interface (H2's default). Only a client that can read the
     * lock file learns the port's key, but the port need not be open to the network at all. Set before H2 reads
     * its settings, when it first opens a database; a {@code -Dh2.bindAddress} given to the JVM is kept.
     */
    private static void listenOnLoopbackOnly() {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }
}
