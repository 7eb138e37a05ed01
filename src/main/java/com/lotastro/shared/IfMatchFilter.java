package com.lotastro.shared;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every PATCH changes a versioned resource and needs If-Match ({@link IfMatch}): without it (or with a header that
 * is not a version) the request is refused right after authentication, before its body or parameters are read, so
 * the answer is always 428 {@code precondition_required} rather than whatever else might be wrong with it.
 */
public class IfMatchFilter {
    @ServerRequestFilter(priority = Priorities.HEADER_DECORATOR)
    public void requireIfMatchOnPatch(ContainerRequestContext request) {
        if ("PATCH".equals(request.getMethod())) {
            IfMatch.expectedVersion(request.getHeaderString(IfMatch.HEADER));
        }
    }
}
