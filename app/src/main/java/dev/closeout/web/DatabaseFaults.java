package dev.closeout.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Which database failures pass by themselves. MariaDB/MySQL error codes: 1213 deadlock, 1205 lock wait
 * timeout, 1062 duplicate key; SQL states 08xxx are connection failures. HikariCP answers
 * {@link SQLTransientConnectionException} when no connection came within its connection-timeout: with
 * the last connection failure as its cause when the database cannot be reached, without one when every
 * connection was merely busy.
 */
public final class DatabaseFaults {

    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    private DatabaseFaults() {
    }

    /** The database cannot be reached now: nothing to retry inside a request; the client is told 503. */
    public static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException pool && pool.getCause() != null
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || t.getClass().getName().endsWith("CommunicationsException")) {
                return true;
            }
        }
        return false;
    }

    /** Every connection was busy for the whole connection-timeout (the database itself answers). */
    public static boolean poolBusy(Throwable error) {
        for (Throwable t = error; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException pool && pool.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    /** Another transaction held a lock we needed: the same statements succeed when tried again. */
    public static boolean lockConflict(Throwable error) {
        return hasCode(error, DEADLOCK) || hasCode(error, LOCK_WAIT_TIMEOUT) || hasState(error, "40001");
    }

    /** A unique key another transaction wrote first. */
    public static boolean duplicateKey(Throwable error) {
        return hasCode(error, DUPLICATE_KEY);
    }

    /** A failure that passes by itself: answered 503 with Retry-After when it outlasts the server's retries. */
    public static boolean passing(Throwable error) {
        return unreachable(error) || poolBusy(error) || lockConflict(error);
    }

    private static boolean hasCode(Throwable error, int code) {
        for (Throwable t = error; t != null; t = next(t)) {
            if (t instanceof SQLException sql && sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = next(t)) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
