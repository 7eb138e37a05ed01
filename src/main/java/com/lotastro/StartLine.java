package com.lotastro;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

/** Once the HTTP server listens, says where: the address it is bound to, and who can reach it. */
@ApplicationScoped
public class StartLine {
    private static final Logger LOG = Logger.getLogger(StartLine.class);

    void onListening(@ObservesAsync HttpServerStart start) {
        String host = start.options().getHost();
        int port = start.options().getPort();
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        String reach = switch (host) {
            case "0.0.0.0", "::", "[::]" -> "every network interface";
            case "127.0.0.1", "localhost", "::1" -> "this machine only; QUARKUS_HTTP_HOST=0.0.0.0 opens it to the network";
            default -> "the interface of " + host;
        };
        LOG.infof("LotAstro API listening on %s (%s). Contract at %s/q/openapi, Swagger UI at %s/q/swagger-ui", base, reach, base, base);
    }
}
