package com.lotastro.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Faults of the database as operators meet them: connections terminated by the server, a pool with none free. */
public final class DatabaseFaults {
    private static final String ADMIN_SHUTDOWN = "57P01";
    private DatabaseFaults() {
    }

    /** Terminates every other client connection to the database (what a restart or failover does to the pool). */
    public static int killConnections(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (ADMIN_SHUTDOWN.equals(e.getSQLState())) {
                return 0; // another caller's kill took this connection first
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * Has the pool drop the connections a kill left dead, so the test's own reads that follow get live ones. The API
     * finds them by itself (a connection idle over a second is checked before use), but a test reading right after
     * its kill would otherwise meet one it used a moment earlier.
     */
    public static void dropDeadConnections(DataSource dataSource) {
        try {
            dataSource.unwrap(io.agroal.api.AgroalDataSource.class).flush(io.agroal.api.AgroalDataSource.FlushMode.INVALID);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes connections from the pool until it has none left to give (the last attempt waits out its timeout). */
    public static List<Connection> exhaust(DataSource dataSource, int atMost) {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < atMost; i++) {
                held.add(dataSource.getConnection());
            }
        } catch (SQLException e) {
            // the pool is empty: every connection is held
        }
        return held;
    }

    public static void release(List<Connection> held) {
        for (Connection c : held) {
            try {
                c.close();
            } catch (SQLException e) {
                // already gone
            }
        }
    }
}
