package com.lotastro.customer;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Find-or-create answers 200 for a customer found and 201 for one it created; the generated interface can declare only
 * one status, so the resource marks a creation and this filter turns the 200 into a 201.
 */
public class CreatedStatus {
    private static final String CREATED = "lotastro.customer.created";

    static void mark(RoutingContext routing) {
        routing.put(CREATED, Boolean.TRUE);
    }

    @ServerResponseFilter
    public void created(ContainerResponseContext response, RoutingContext routing) {
        if (Boolean.TRUE.equals(routing.get(CREATED)) && response.getStatus() == 200) {
            response.setStatus(201);
        }
    }
}
