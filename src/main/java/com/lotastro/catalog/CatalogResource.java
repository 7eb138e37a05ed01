package com.lotastro.catalog;

import com.lotastro.api.CatalogApi;
import com.lotastro.api.model.CatalogItemCreateDto;
import com.lotastro.api.model.CatalogItemDto;
import com.lotastro.api.model.CatalogItemPageDto;
import com.lotastro.api.model.CatalogItemUpdateDto;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.util.UUID;

public class CatalogResource implements CatalogApi {
    @Inject
    CatalogService catalog;

    @Override
    @Idempotent
    @RequiresScope(Scope.INVENTORY_WRITE)
    public CatalogItemDto createCatalogItem(CatalogItemCreateDto body, String idempotencyKey, String actor) {
        return CatalogMapper.toDto(catalog.create(CatalogMapper.toNewItem(body)));
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public CatalogItemDto getCatalogItem(UUID catalogItemId) {
        return CatalogMapper.toDto(catalog.get(catalogItemId));
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public CatalogItemPageDto listCatalogItems(String qualityCode, String colorCode, Boolean active, Integer limit, String cursor) {
        Page<CatalogItem> page = catalog.search(new CatalogItems.Filter(qualityCode, colorCode, active), PageRequest.of(limit, cursor));
        return new CatalogItemPageDto().data(page.map(CatalogMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.INVENTORY_WRITE)
    public CatalogItemDto updateCatalogItem(UUID catalogItemId, String ifMatch, CatalogItemUpdateDto body, String actor) {
        return CatalogMapper.toDto(catalog.update(catalogItemId, ifMatch, CatalogMapper.toChanges(body)));
    }
}
