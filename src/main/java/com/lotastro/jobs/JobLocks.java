package com.lotastro.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One run at a time of a job for an organization, across every instance and whatever started it (a scheduled fire
 * or a manual trigger): a PostgreSQL transaction-level advisory lock on {@code lotastro:job:<job>:<organization>},
 * taken with {@code pg_try_advisory_xact_lock} on a connection of its own and held for the whole run. The lock ends
 * with that connection's transaction, so it cannot outlive the run: not when the run fails, and not when the instance
 * dies (PostgreSQL ends the session). The waiting transaction only holds the lock; it has no snapshot or row locks
 * that would hold back vacuum or other writers.
 */
@ApplicationScoped
public class JobLocks {
    private static final Logger LOG = Logger.getLogger(JobLocks.class);

    @Inject
    DataSource dataSource;

    /** A lock held for one run; closing it releases it. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            QuarkusTransaction.suspendingExisting().run(() -> release(connection));
        }
    }

    /** The lock, or nothing when a run of the job for the organization is going on somewhere. */
    public Optional<Held> tryLock(String job, UUID organizationId) {
        return QuarkusTransaction.suspendingExisting().call(() -> acquire("lotastro:job:" + job + ":" + organizationId));
    }

    private Optional<Held> acquire(String key) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
                statement.setString(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            release(connection);
            throw e;
        }
        release(connection);
        return Optional.empty();
    }

    private static void release(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            // The lock must not go back to the pool with the connection: drop the connection, and the lock with it.
            LOG.warnf(e, "Could not end a job lock's transaction; dropping its connection");
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // Already gone.
            }
        }
    }
}
