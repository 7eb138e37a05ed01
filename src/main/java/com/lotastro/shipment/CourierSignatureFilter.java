package com.lotastro.shipment;

import com.lotastro.crm.WebhookSignatures;
import com.lotastro.shared.Timestamps;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the Standard Webhooks signature of a courier's tracking event over the raw body with that courier's secret,
 * before anything is read or stored. Runs after authentication: the API key names the organization.
 */
public class CourierSignatureFilter {
    @Inject
    CourierEventService events;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public void verify(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        Method method = resource.getResourceMethod();
        if (method == null || method.getAnnotation(SignedByCourier.class) == null) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        Courier courier = events.signingCourier(request.getUriInfo().getPathParameters().getFirst("code"));
        WebhookSignatures.verify(List.of(courier.signingSecret), request.getHeaderString("webhook-id"),
                request.getHeaderString("webhook-timestamp"), request.getHeaderString("webhook-signature"), body, Timestamps.now());
    }
}
