package com.lotastro.access;

import com.lotastro.api.model.ApiKeyCreatedDto;
import com.lotastro.api.model.ApiKeyDto;
import com.lotastro.api.model.OrganizationCreatedDto;
import com.lotastro.api.model.OrganizationDto;
import com.lotastro.api.model.ScopeDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

final class AccessMapper {
    private AccessMapper() {
    }

    static Set<Scope> toScopes(List<ScopeDto> dtos) {
        return dtos.stream()
                .map(dto -> Scope.fromValue(dto.toString()).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    static List<ScopeDto> toDtos(Set<Scope> scopes) {
        return scopes.stream().map(s -> ScopeDto.fromValue(s.value())).toList();
    }

    static ApiKeyDto toDto(ApiKey key) {
        return new ApiKeyDto()
                .id(key.id)
                .name(key.name)
                .scopes(toDtos(key.scopes))
                .keyPrefix(key.keyPrefix)
                .createdAt(Timestamps.utc(key.createdAt))
                .revokedAt(Timestamps.utc(key.revokedAt));
    }

    static ApiKeyCreatedDto toDto(ApiKeyService.IssuedKey issued) {
        ApiKey key = issued.apiKey();
        return new ApiKeyCreatedDto()
                .id(key.id)
                .name(key.name)
                .scopes(toDtos(key.scopes))
                .keyPrefix(key.keyPrefix)
                .key(issued.plainKey())
                .createdAt(Timestamps.utc(key.createdAt));
    }

    static OrganizationCreatedDto toDto(OrganizationService.CreatedOrganization created) {
        Organization organization = created.organization();
        return new OrganizationCreatedDto()
                .organization(new OrganizationDto()
                        .id(organization.id)
                        .name(organization.name)
                        .createdAt(Timestamps.utc(organization.createdAt)))
                .adminApiKey(toDto(created.adminKey()));
    }
}
