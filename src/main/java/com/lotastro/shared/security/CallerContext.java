package com.lotastro.shared.security;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Who is calling: the organization and API key behind the request, and the X-Actor it speaks for. */
@RequestScoped
public class CallerContext {
    private UUID organizationId;
    private UUID apiKeyId;
    private Set<Scope> scopes = Set.of();
    private String actor;

    public void authenticate(UUID organizationId, UUID apiKeyId, Set<Scope> scopes, String actor) {
        this.organizationId = organizationId;
        this.apiKeyId = apiKeyId;
        this.scopes = Set.copyOf(scopes);
        this.actor = actor;
    }

    /** Names who acts when the request did not (e.g. the CRM event being applied). */
    public void actAsIfUnnamed(String defaultActor) {
        if (actor == null) {
            actor = defaultActor;
        }
    }

    public boolean isAuthenticated() {
        return organizationId != null;
    }

    public UUID organizationId() {
        if (organizationId == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Send Authorization: Bearer <api key>");
        }
        return organizationId;
    }

    public UUID apiKeyId() {
        return apiKeyId;
    }

    public String actor() {
        return actor;
    }

    public boolean holds(Scope scope) {
        if (scope == Scope.PLATFORM_ADMIN) {
            return scopes.contains(Scope.PLATFORM_ADMIN);
        }
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }

    public void require(Scope scope) {
        if (!holds(scope)) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, "This operation needs the scope " + scope.value(),
                    java.util.List.of(), Map.of("required_scope", scope.value()));
        }
    }
}
