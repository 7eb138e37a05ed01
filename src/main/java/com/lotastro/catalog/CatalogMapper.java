package com.lotastro.catalog;

import com.lotastro.api.model.CatalogItemCreateDto;
import com.lotastro.api.model.CatalogItemDto;
import com.lotastro.api.model.CatalogItemUpdateDto;
import com.lotastro.shared.Timestamps;

final class CatalogMapper {
    private CatalogMapper() {
    }

    static CatalogService.NewItem toNewItem(CatalogItemCreateDto dto) {
        return new CatalogService.NewItem(dto.getQualityCode(), dto.getColorCode(), dto.getDescription(),
                dto.getLowStockThresholdMeters(), dto.getActive());
    }

    static CatalogService.ItemChanges toChanges(CatalogItemUpdateDto dto) {
        return new CatalogService.ItemChanges(dto.getDescription(), dto.getLowStockThresholdMeters(), dto.getActive());
    }

    static CatalogItemDto toDto(CatalogItem item) {
        return new CatalogItemDto()
                .id(item.id)
                .qualityCode(item.qualityCode)
                .colorCode(item.colorCode)
                .description(item.description)
                .lowStockThresholdMeters(item.lowStockThresholdMeters)
                .active(item.active)
                .version(item.version)
                .createdAt(Timestamps.utc(item.createdAt))
                .updatedAt(Timestamps.utc(item.updatedAt));
    }
}
