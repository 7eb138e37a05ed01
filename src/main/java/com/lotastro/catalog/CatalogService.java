package com.lotastro.catalog;

import com.lotastro.audit.AuditLog;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.IfMatch;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class CatalogService {
    @Inject
    CatalogItems items;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    public record NewItem(String qualityCode, String colorCode, String description, BigDecimal lowStockThresholdMeters,
                          Boolean active) {
    }

    /** Fields left null stay as they are. */
    public record ItemChanges(String description, BigDecimal lowStockThresholdMeters, Boolean active) {
    }

    public CatalogItem create(NewItem request) {
        Meters.requireScale("low_stock_threshold_meters", request.lowStockThresholdMeters());
        UUID organizationId = caller.organizationId();
        items.findByCodes(organizationId, request.qualityCode(), request.colorCode()).ifPresent(existing -> {
            throw new ApiException(ErrorCode.DUPLICATE_CATALOG_ITEM, "Catalog item " + request.qualityCode() + " / "
                    + request.colorCode() + " already exists with id " + existing.id);
        });
        CatalogItem item = new CatalogItem();
        item.id = UUID.randomUUID();
        item.organizationId = organizationId;
        item.qualityCode = request.qualityCode();
        item.colorCode = request.colorCode();
        item.description = request.description();
        item.lowStockThresholdMeters = request.lowStockThresholdMeters() == null ? Meters.of(BigDecimal.ZERO)
                : Meters.of(request.lowStockThresholdMeters());
        item.active = request.active() == null || request.active();
        item.createdAt = Timestamps.now();
        item.updatedAt = item.createdAt;
        items.persist(item);
        items.flush();
        audit.record(new AuditLog.Change("catalog_item.created", "catalog_item", item.id, null, item.auditState(), null));
        outbox.publish(new OutboxPublisher.Event("catalog_item.created", "catalog_item", item.id, "created", eventPayload(item)));
        return item;
    }

    /** Applies the changes when {@code ifMatch} names the item's current version (see {@link IfMatch}). */
    public CatalogItem update(UUID id, String ifMatch, ItemChanges changes) {
        long expected = IfMatch.expectedVersion(ifMatch);
        Meters.requireScale("low_stock_threshold_meters", changes.lowStockThresholdMeters());
        // Under the item's row lock the version checked is the version changed: of two changes made from the same
        // read, the second is refused as stale instead of overwriting the first.
        CatalogItem item = items.lockForEdit(get(id));
        IfMatch.requireCurrent(expected, item.version, "catalog item");
        Map<String, Object> before = item.auditState();
        if (changes.description() != null) {
            item.description = changes.description();
        }
        if (changes.lowStockThresholdMeters() != null) {
            item.lowStockThresholdMeters = Meters.of(changes.lowStockThresholdMeters());
        }
        if (changes.active() != null) {
            item.active = changes.active();
        }
        if (before.equals(item.auditState())) {
            return item;
        }
        item.updatedAt = Timestamps.now();
        items.flush();
        audit.record(new AuditLog.Change("catalog_item.updated", "catalog_item", item.id, before, item.auditState(), null));
        outbox.publish(new OutboxPublisher.Event("catalog_item.updated", "catalog_item", item.id,
                "updated." + item.version, eventPayload(item)));
        return item;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CatalogItem get(UUID id) {
        return items.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("catalog item", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CatalogItem> search(CatalogItems.Filter filter, PageRequest page) {
        return items.search(caller.organizationId(), filter, page);
    }

    private static Map<String, Object> eventPayload(CatalogItem item) {
        Map<String, Object> payload = item.auditState();
        payload.put("catalog_item_id", item.id);
        return payload;
    }
}
