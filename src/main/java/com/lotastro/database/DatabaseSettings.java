package com.lotastro.database;

import java.util.Optional;

/**
 * The database the API was pointed at, as the operator configured it (or the embedded one), so that a failed start
 * names the values actually in use rather than the defaults.
 */
public final class DatabaseSettings {
    private static volatile String url;
    private static volatile String username;
    private static volatile EmbeddedPostgres.Running embedded;

    private DatabaseSettings() {
    }

    static void configured(String configuredUrl, String configuredUsername) {
        url = configuredUrl;
        username = configuredUsername;
        embedded = null;
    }

    static void embedded(EmbeddedPostgres.Running running) {
        url = running.jdbcUrl();
        username = EmbeddedPostgres.SUPERUSER;
        embedded = running;
    }

    /** The JDBC URL in use, when known. */
    public static Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The user name in use, when known. */
    public static Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The embedded server, when the API runs on one. */
    public static Optional<EmbeddedPostgres.Running> embedded() {
        return Optional.ofNullable(embedded);
    }
}
