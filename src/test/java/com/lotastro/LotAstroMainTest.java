package com.lotastro;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which start failures get the short database message instead of a stack trace (the full start is in ReadmeTourIT). */
class LotAstroMainTest {

    @Test
    void shouldExplainEveryWayTheDatabaseCanBeUnusable() {
        for (Throwable failure : new Throwable[] {
                new PSQLException("FATAL: password authentication failed for user \"alice\"", PSQLState.INVALID_PASSWORD),
                new PSQLException("FATAL: role \"alice\" does not exist", PSQLState.INVALID_AUTHORIZATION_SPECIFICATION),
                new java.sql.SQLException("FATAL: database \"stock\" does not exist", "3D000"),
                new PSQLException("Connection to 127.0.0.1:5999 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new ConnectException("Connection refused"))}) {
            Throwable wrapped = new RuntimeException("Failed to start application", new IllegalStateException(failure));
            assertThat(LotAstroMain.databaseProblem(wrapped)).as(failure.getMessage()).hasValueSatisfying(message -> assertThat(message)
                    .contains(failure.getMessage())
                    .contains("QUARKUS_DATASOURCE_JDBC_URL")
                    .contains("QUARKUS_DATASOURCE_USERNAME"));
        }
    }

    @Test
    void shouldLeaveOtherFailuresAlone() {
        assertThat(LotAstroMain.databaseProblem(new IllegalStateException("LOTASTRO_BOOTSTRAP_API_KEY must be at least 16 characters")))
                .isEmpty();
        assertThat(LotAstroMain.databaseProblem(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))).isEmpty();
    }
}
