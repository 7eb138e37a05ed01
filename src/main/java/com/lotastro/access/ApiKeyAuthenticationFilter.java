package com.lotastro.access;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import com.lotastro.shared.security.RequiresScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every API call by its bearer API key, then checks the scope its resource method declares
 * with {@link RequiresScope}. A method without the annotation is refused to everyone.
 */
public class ApiKeyAuthenticationFilter {
    public static final String ACTOR_HEADER = "X-Actor";
    private static final String BEARER = "Bearer ";
    private static final int MAX_ACTOR_LENGTH = 200;

    @Inject
    ApiKeyService apiKeys;

    @Inject
    CallerContext caller;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Send Authorization: Bearer <api key>");
        }
        ApiKeyCache.Caller key = apiKeys.authenticate(authorization.substring(BEARER.length()).trim())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The API key is unknown or revoked"));
        String actor = request.getHeaderString(ACTOR_HEADER);
        if (actor != null && actor.length() > MAX_ACTOR_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, ACTOR_HEADER + " must be at most " + MAX_ACTOR_LENGTH + " characters",
                    java.util.List.of(new com.lotastro.shared.error.FieldError(ACTOR_HEADER, "size must be between 0 and 200")),
                    java.util.Map.of());
        }
        caller.authenticate(key.organizationId(), key.apiKeyId(), key.scopes(), actor);
        Method method = resource.getResourceMethod();
        RequiresScope required = method == null ? null : method.getAnnotation(RequiresScope.class);
        if (required == null) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, "This operation is not open to API keys");
        }
        caller.require(required.value());
    }
}
