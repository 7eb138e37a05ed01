package com.lotastro.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The tests' JDBC driver: PostgreSQL's own, with every exchange that waits for the server recorded (statements,
 * batches, commits, rollbacks), so a test can count the round trips one request costs. Only what the API's threads
 * send is kept while a test records; Quartz's cluster check-ins and webhook delivery run on threads of their own
 * and are left out.
 */
public class RoundTrips implements Driver {
    /** One exchange with the server: the SQL sent (or COMMIT / ROLLBACK) and the thread that sent it. */
    public record Exchange(String sql, String thread) {
    }

    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final List<Exchange> RECORDED = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    private final Driver postgres = new org.postgresql.Driver();

    /** Starts a fresh recording. */
    public static void start() {
        RECORDED.clear();
        recording = true;
    }

    /** Stops recording; returns what the API's request threads sent meanwhile. */
    public static List<Exchange> stop() {
        recording = false;
        return RECORDED.stream().filter(e -> !e.thread().startsWith("Quartz") && !e.thread().startsWith("webhook-"))
                .toList();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : proxy(Connection.class, connection, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, String sql) {
        InvocationHandler handler = (p, method, args) -> invoke(target, method, args, sql);
        Class<?>[] interfaces = target instanceof PreparedStatement
                ? new Class<?>[] {java.sql.CallableStatement.class.isInstance(target) ? java.sql.CallableStatement.class : PreparedStatement.class}
                : new Class<?>[] {type};
        return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), interfaces, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args, String preparedSql) throws Throwable {
        String name = method.getName();
        if (target instanceof Connection) {
            if ("commit".equals(name) || "rollback".equals(name) && (args == null || args.length == 0)) {
                record(name.toUpperCase());
            }
        } else if (EXECUTING.contains(name)) {
            record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
        }
        if ("unwrap".equals(name) && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
            return target;
        }
        if ("isWrapperFor".equals(name) && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
            return true;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (target instanceof Connection && result instanceof Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            return proxy(Statement.class, statement, sql);
        }
        return result;
    }

    private static void record(String sql) {
        if (recording) {
            RECORDED.add(new Exchange(sql == null ? "?" : sql.strip().replaceAll("\\s+", " "), Thread.currentThread().getName()));
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
