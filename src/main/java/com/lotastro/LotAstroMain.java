package com.lotastro;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.net.ConnectException;
import java.util.Optional;

/** Starts the API; when PostgreSQL cannot be reached, says which settings point at it instead of a stack trace. */
@QuarkusMain
public class LotAstroMain {
    public static void main(String... args) {
        Quarkus.run(Api.class, (exitCode, failure) -> {
            if (failure != null && databaseUnreachable(failure).isPresent()) {
                System.err.printf("%nLotAstro API could not reach PostgreSQL (%s).%n"
                        + "Start PostgreSQL on 127.0.0.1:5432, or point the API at yours with%n"
                        + "  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://<host>:<port>/<database>%n"
                        + "  QUARKUS_DATASOURCE_USERNAME=<user>  QUARKUS_DATASOURCE_PASSWORD=<password>%n%n",
                        databaseUnreachable(failure).get());
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

    private static Optional<String> databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || (t.getClass().getName().equals("org.postgresql.util.PSQLException") && "08001".equals(sqlState(t)))) {
                return Optional.ofNullable(t.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String sqlState(Throwable t) {
        return t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
    }
}
