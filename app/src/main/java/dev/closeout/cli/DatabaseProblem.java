package dev.closeout.cli;

import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The one line a person reads when the configured database cannot be opened, in place of the 70-odd lines of the
 * driver's exception chain: which database, what went wrong, what to do. Secrets stay out: a URL is shown without
 * its user, password or parameters.
 */
final class DatabaseProblem {

    /** H2's "Database may be already in use": the file is held by a process that does not share it. */
    private static final int H2_DATABASE_IN_USE = 90020;
    /** H2's "Connection is broken": the process holding the file shares it, but not with this machine. */
    private static final int H2_CONNECTION_BROKEN = 90067;
    /** MySQL's and MariaDB's "Unknown database". */
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;

    private DatabaseProblem() {
    }

    /**
     * Describes the failure when a database would not open, or answers null when the failure is something else
     * (no SQL exception in its causes).
     */
    static @Nullable String describe(Throwable failure, Environment environment) {
        SQLException sql = firstSqlException(failure);
        if (sql == null) {
            return null;
        }
        String reason = reason(failure);
        String url = environment.getProperty("datasources.default.url", String.class).orElse("");
        if (url.isBlank()) {
            String dataDir = Path.of(environment.getProperty("closeout.data-dir", String.class)
                    .orElse("./closeout-data")).toAbsolutePath().normalize().toString();
            if (sql.getErrorCode() == H2_DATABASE_IN_USE || sql.getErrorCode() == H2_CONNECTION_BROKEN) {
                return "the embedded database in " + dataDir + " is open in a process that does not share it (an "
                        + "older Closeout, or one on another machine); stop that process and run this again";
            }
            return "the embedded database in " + dataDir + " could not be opened (" + reason + "); check "
                    + "CLOSEOUT_DATA_DIR (docs/configuration.md)";
        }
        String shown = withoutSecrets(url);
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("28")) {
            return "the database at " + shown + " refused the login (" + reason + "); check "
                    + "DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD";
        }
        if (sql.getErrorCode() == MYSQL_UNKNOWN_DATABASE) {
            return "the database at " + shown + " does not exist (" + reason + "); create it, or correct "
                    + "DATASOURCES_DEFAULT_URL";
        }
        if (state.startsWith("08")) {
            return "cannot reach the database at " + shown + " (" + reason + "); check DATASOURCES_DEFAULT_URL "
                    + "and that the database server is running";
        }
        return "the database at " + shown + " could not be opened (" + reason + "); check the datasources.default "
                + "settings (docs/configuration.md)";
    }

    /** A JDBC URL as it may be shown: no user or password before the host, no parameters after the path. */
    static String withoutSecrets(String url) {
        String shown = url.replaceFirst("//[^/@]*@", "//");
        int parameters = shown.indexOf('?');
        return parameters < 0 ? shown : shown.substring(0, parameters);
    }

    private static @Nullable SQLException firstSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The innermost cause says it best ("Connection refused", "Access denied for user ..."); its first line. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
