package dev.closeout.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * MySQL Connector/J settings an import of thousands of postmortems needs, given to every MySQL or MariaDB
 * datasource unless its URL or {@code data-source-properties} set them already. Without them the driver
 * parses each statement's SQL again on every prepare (an import's few statements are long and the same
 * each time). The embedded H2 default is left alone (it would refuse them).
 */
@Singleton
class MySqlDriverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    /** Each setting and why (docs/configuration.md lists them). */
    static final Map<String, String> SETTINGS = Map.of(
            // the parsed form of each statement kept per connection; imports' INSERTs are over 256 characters
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "256",
            "prepStmtCacheSqlLimit", "8192",
            // the server's settings read once per pool, not once per connection
            "cacheServerConfiguration", "true",
            // no clock read per statement for statistics nobody reads
            "maintainTimeStats", "false",
            // autocommit and isolation tracked by the driver, not asked of the server: the pool and each
            // transaction set them through JDBC only (never in SQL), so the server's answer is always what the
            // driver last sent; saves a SELECT @@session.tx_isolation and a SET autocommit per transaction
            "useLocalSessionState", "true",
            // Closeout does not trace: without this the driver looks for an OpenTelemetry SDK on the class path at
            // every pool start and logs an INFO line about it, even before a command's one-line error
            "openTelemetry", "DISABLED");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        String url = datasource.getJdbcUrl() != null ? datasource.getJdbcUrl() : datasource.getUrl();
        if (!isMySql(url)) {
            return datasource;
        }
        SETTINGS.forEach((name, value) -> {
            if (!url.contains(name + "=") && !datasource.getDataSourceProperties().containsKey(name)) {
                datasource.addDataSourceProperty(name, value);
            }
        });
        return datasource;
    }

    /** Connector/J's URLs (MariaDB is reached through it too), also behind a wrapping driver ({@code jdbc:x:mysql:}). */
    static boolean isMySql(String url) {
        return url != null && url.startsWith("jdbc:") && url.contains("mysql:");
    }
}
