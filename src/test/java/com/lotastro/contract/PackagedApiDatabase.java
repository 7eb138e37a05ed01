package com.lotastro.contract;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged API started by an integration test keeps its embedded PostgreSQL in a directory of its own under
 * {@code target/}, as on a newcomer's machine (no database URL: the API starts one), without touching the data of an
 * API started from this checkout. The settings returned here reach the packaged API as system properties.
 */
public class PackagedApiDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "packaged-api-");
            return Map.of("lotastro.embedded-postgres.data-dir", home.resolve("pgdata").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The data directory stays under target/ for whoever reads a failure; the next clean build removes it.
    }
}
