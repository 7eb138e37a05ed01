package com.lotastro;

import com.lotastro.database.DatabaseSettings;
import com.lotastro.database.EmbeddedPostgresException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the API. When the database cannot be used (unreachable, unknown database, user or password, or an embedded
 * server that does not start), it says which settings to change, with the values in use, instead of a stack trace.
 */
@QuarkusMain
public class LotAstroMain {
    /** Connection refused or failed, unknown database, unknown user or rejected password, server refused the connection. */
    private static final Set<String> CONNECTION_STATES = Set.of("08001", "08004", "08006", "3D000", "28000", "28P01");

    public static void main(String... args) {
        Quarkus.run(Api.class, (exitCode, failure) -> {
            Optional<String> problem = failure == null ? Optional.empty() : databaseProblem(failure);
            if (problem.isPresent()) {
                System.err.printf("%n%s%n%n", problem.get());
                System.exit(1);
            }
            if (failure != null) {
                failure.printStackTrace();
                System.exit(exitCode == 0 ? 1 : exitCode);
            }
            System.exit(exitCode);
        }, args);
    }

    /** Runs until the process is asked to stop. */
    public static class Api implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    static Optional<String> databaseProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EmbeddedPostgresException) {
                return Optional.of("LotAstro API could not start its embedded PostgreSQL.\n" + t.getMessage());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean connection = t instanceof ConnectException || t instanceof UnknownHostException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && CONNECTION_STATES.contains(sql.getSQLState()));
            if (connection) {
                return Optional.of(cannotConnect(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static String cannotConnect(String reason) {
        String url = DatabaseSettings.url().orElse("(not set)");
        String user = DatabaseSettings.username().orElse("(not set)");
        if (DatabaseSettings.embedded().isPresent()) {
            return String.format("LotAstro API could not connect to its embedded PostgreSQL (%s).%n"
                    + "  database: %s   user: %s%n"
                    + "Its log is %s. To start over, stop the API and delete %s.",
                    reason, url, user, DatabaseSettings.embedded().get().logFile(), DatabaseSettings.embedded().get().dataDir());
        }
        return String.format("LotAstro API could not connect to PostgreSQL (%s).%n"
                + "  QUARKUS_DATASOURCE_JDBC_URL = %s%n"
                + "  QUARKUS_DATASOURCE_USERNAME = %s%n"
                + "Check that the server runs there and that the database, user and password (QUARKUS_DATASOURCE_PASSWORD) "
                + "are right,%nor unset QUARKUS_DATASOURCE_JDBC_URL to use the embedded PostgreSQL instead.",
                reason, url, user);
    }
}
