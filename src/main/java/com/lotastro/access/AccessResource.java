package com.lotastro.access;

import com.lotastro.api.AccessApi;
import com.lotastro.api.model.ApiKeyCreateDto;
import com.lotastro.api.model.ApiKeyCreatedDto;
import com.lotastro.api.model.ApiKeyPageDto;
import com.lotastro.api.model.OrganizationCreateDto;
import com.lotastro.api.model.OrganizationCreatedDto;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.idempotency.RedactOnReplay;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.util.UUID;

public class AccessResource implements AccessApi {
    @Inject
    OrganizationService organizations;

    @Inject
    ApiKeyService apiKeys;

    @Override
    @Idempotent
    @RequiresScope(Scope.PLATFORM_ADMIN)
    @RedactOnReplay("admin_api_key.key")
    public OrganizationCreatedDto createOrganization(OrganizationCreateDto body, String idempotencyKey, String actor) {
        return AccessMapper.toDto(organizations.create(body.getName()));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.ADMIN)
    @RedactOnReplay("key")
    public ApiKeyCreatedDto createApiKey(ApiKeyCreateDto body, String idempotencyKey, String actor) {
        return AccessMapper.toDto(apiKeys.create(body.getName(), AccessMapper.toScopes(body.getScopes())));
    }

    @Override
    @RequiresScope(Scope.ADMIN)
    public ApiKeyPageDto listApiKeys(Integer limit, String cursor) {
        Page<ApiKey> page = apiKeys.list(PageRequest.of(limit, cursor));
        return new ApiKeyPageDto().data(page.map(AccessMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.ADMIN)
    public void revokeApiKey(UUID apiKeyId, String actor) {
        apiKeys.revoke(apiKeyId);
    }
}
