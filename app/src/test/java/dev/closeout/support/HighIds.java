package dev.closeout.support;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes every test database hand out ids from 100,000 up, as a database in use for a while does: after each
 * Flyway migrate (every application context a test starts, on MariaDB and on the embedded H2 default), every
 * auto-increment counter below {@link #FIRST_ID} is raised to it. Counters already higher are left alone:
 * {@link DatabaseCleaner} deletes rows, which does not reset them, so ids keep rising through a run.
 * Micronaut Flyway takes the callbacks from the {@code Callback[]} bean named after the datasource.
 */
@Factory
class HighIds {

    static final long FIRST_ID = 100_000;

    @Singleton
    @Named("default")
    Callback[] flywayCallbacks() {
        return new Callback[] {new RaiseCounters()};
    }

    private record AutoIncrement(String table, String column) {
    }

    private static final class RaiseCounters implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            // ALTER TABLE commits on MySQL and MariaDB
            return false;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                raise(context.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("could not start the test database's ids at " + FIRST_ID, e);
            }
        }

        @Override
        public String getCallbackName() {
            return "closeout-test-high-ids";
        }

        private static void raise(Connection connection) throws SQLException {
            boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            try (Statement statement = connection.createStatement()) {
                for (AutoIncrement counter : autoIncrements(connection)) {
                    if (h2) {
                        if (maxId(connection, counter) < FIRST_ID) {
                            statement.execute("ALTER TABLE \"" + counter.table() + "\" ALTER COLUMN \""
                                    + counter.column() + "\" RESTART WITH " + FIRST_ID);
                        }
                    } else if (nextMySqlId(connection, counter) < FIRST_ID) {
                        statement.execute("ALTER TABLE `" + counter.table() + "` AUTO_INCREMENT = " + FIRST_ID);
                    }
                }
            }
        }

        private static List<AutoIncrement> autoIncrements(Connection connection) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            List<AutoIncrement> found = new ArrayList<>();
            try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (columns.next()) {
                    if ("YES".equals(columns.getString("IS_AUTOINCREMENT"))) {
                        found.add(new AutoIncrement(columns.getString("TABLE_NAME"), columns.getString("COLUMN_NAME")));
                    }
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("no auto-increment column found to start at " + FIRST_ID);
            }
            return found;
        }

        private static long nextMySqlId(Connection connection, AutoIncrement counter) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("SELECT AUTO_INCREMENT FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
                query.setString(1, counter.table());
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0;
                }
            }
        }

        private static long maxId(Connection connection, AutoIncrement counter) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(\"" + counter.column() + "\"), 0) FROM \""
                         + counter.table() + "\"")) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
