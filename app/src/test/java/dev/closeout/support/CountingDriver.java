package dev.closeout.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver in front of the real one that writes down what the application sends the database: every
 * statement executed (with its SQL) and every transaction committed or rolled back. The application is
 * pointed at it with a {@code jdbc:counting:} URL ({@link #url}); tests assert how many round trips a
 * request costs instead of timing it.
 */
public final class CountingDriver implements Driver {

    private static final String PREFIX = "jdbc:counting:";
    private static final List<String> CALLS = new ArrayList<>();
    private static boolean registered;

    /** The URL that reaches {@code realUrl} through this driver; registers it once. */
    public static synchronized String url(String realUrl) {
        if (!registered) {
            try {
                DriverManager.registerDriver(new CountingDriver());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            registered = true;
        }
        return PREFIX + realUrl.substring("jdbc:".length());
    }

    /** Forgets what was recorded so far. */
    public static void reset() {
        synchronized (CALLS) {
            CALLS.clear();
        }
    }

    /** What was sent since the last {@link #reset}: {@code "sql: ..."} per statement, "commit", "rollback". */
    public static List<String> calls() {
        synchronized (CALLS) {
            return List.copyOf(CALLS);
        }
    }

    /** The statements among {@link #calls()}. */
    public static List<String> statements() {
        return calls().stream().filter(call -> call.startsWith("sql: ")).toList();
    }

    /** How many transactions ended (committed or rolled back) since the last {@link #reset}. */
    public static long transactions() {
        return calls().stream().filter(call -> call.equals("commit") || call.equals("rollback")).count();
    }

    private static void record(String call) {
        synchronized (CALLS) {
            CALLS.add(call);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, real, new Recording(real));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** A connection that records commits and rollbacks and hands out recording statements. */
    private record Recording(Connection real) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("commit") || (name.equals("rollback") && (args == null || args.length == 0))) {
                record(name);
            }
            Object result = call(real, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Class<? extends Statement> type = name.equals("prepareCall") ? CallableStatement.class
                        : name.equals("prepareStatement") ? PreparedStatement.class : Statement.class;
                return proxy(type, statement, new RecordingStatement(statement, sql));
            }
            return result;
        }
    }

    /** A statement that records each execution with its SQL. */
    private record RecordingStatement(Statement real, String preparedSql) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                record("sql: " + sql);
            }
            return call(real, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
