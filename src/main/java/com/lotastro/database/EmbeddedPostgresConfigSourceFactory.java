package com.lotastro.database;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL when no {@code quarkus.datasource.jdbc.url} is configured.
 *
 * <p>Configuration is read before anything touches the database (Agroal, Liquibase, Quartz), so this is where the
 * embedded server starts: persistent in {@code lotastro.embedded-postgres.data-dir} for the API, throw-away on a free
 * port for the tests (profile {@code test}). With a URL configured it only records what was configured, so a failed
 * start can name it. Quarkus also builds its configuration while it builds the application and while it records the
 * class-data archive at packaging; nothing starts then.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {
    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";
    static final String DATA_DIR = "lotastro.embedded-postgres.data-dir";
    static final String PORT = "lotastro.embedded-postgres.port";
    static final String DEFAULT_DATA_DIR = ".lotastro/pgdata";
    /** Set while the package step starts the application once to record its class-data (AppCDS) archive. */
    static final String APPCDS_GENERATION = "quarkus.appcds.generate";

    /** Above every ordinary source: without a configured URL, the embedded server's own superuser is the one that works. */
    static final int ORDINAL = 1000;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET || Boolean.getBoolean(APPCDS_GENERATION)) {
            return List.of(); // building the application (or its class-data archive), not running it
        }
        String url = value(context, URL);
        if (url != null) {
            DatabaseSettings.configured(url, value(context, USERNAME));
            return List.of();
        }
        EmbeddedPostgres.Running running;
        if (context.getProfiles().contains("test")) {
            running = EmbeddedPostgres.startThrowaway();
        } else {
            String dataDir = value(context, DATA_DIR);
            String port = value(context, PORT);
            running = EmbeddedPostgres.startPersistent(Path.of(dataDir == null ? DEFAULT_DATA_DIR : dataDir),
                    port == null ? 0 : parsePort(port));
        }
        DatabaseSettings.embedded(running);
        return List.of(new PropertiesConfigSource(
                Map.of(URL, running.jdbcUrl(), USERNAME, EmbeddedPostgres.SUPERUSER, PASSWORD, ""),
                "EmbeddedPostgreSQL", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue().trim();
    }

    private static int parsePort(String port) {
        try {
            int parsed = Integer.parseInt(port);
            if (parsed >= 0 && parsed <= 65535) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EmbeddedPostgresException("LOTASTRO_EMBEDDED_POSTGRES_PORT must be a port number (0 picks a free one), not '"
                + port + "'", null);
    }
}
