package com.lotastro.integration;

import com.lotastro.crm.CrmConnection;
import com.lotastro.crm.CrmConnectionService;
import com.lotastro.crm.IntegrationFlagService;
import com.lotastro.crm.WebhookSignatures;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the Standard Webhooks signature of CRM events over the raw body, before anything is read or stored. Runs
 * after authentication: the API key names the organization whose secrets apply.
 */
public class CrmSignatureFilter {
    static final String RAW_BODY = CrmSignatureFilter.class.getName() + ".body";
    private static final int RETRY_AFTER_SECONDS = 300;

    @Inject
    CrmConnectionService connections;

    @Inject
    CallerContext caller;

    @Inject
    IntegrationFlagService flags;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public void verify(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        Method method = resource.getResourceMethod();
        if (method == null || method.getAnnotation(SignedByCrm.class) == null) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        CrmConnection connection = connections.find(caller.organizationId())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_SIGNATURE, "No CRM connection (and so no webhook secret) is configured"));
        WebhookSignatures.verify(connections.acceptedSecrets(connection, Timestamps.now()), request.getHeaderString("webhook-id"),
                request.getHeaderString("webhook-timestamp"), request.getHeaderString("webhook-signature"), body, Timestamps.now());
        if (!connection.inboundEnabled || !flags.of(caller.organizationId()).inboundCrmEvents) {
            throw new ApiException(ErrorCode.INBOUND_DISABLED, "Inbound CRM events are switched off for this organization",
                    List.of(), Map.of(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
        }
        request.setProperty(RAW_BODY, body);
    }
}
