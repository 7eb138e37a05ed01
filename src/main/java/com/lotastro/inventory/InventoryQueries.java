package com.lotastro.inventory;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of lots, rolls and the ledger, always within the caller's organization. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InventoryQueries {
    @Inject
    Lots lots;

    @Inject
    Rolls rolls;

    @Inject
    InventoryTransactions transactions;

    @Inject
    CallerContext caller;

    public record LotView(Lot lot, Lots.Totals totals, List<Roll> rolls) {
    }

    public LotView lot(UUID id) {
        Lot lot = lots.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("lot", id));
        return new LotView(lot, lots.totalsOf(lot.id), rolls.ofLot(lot.id));
    }

    public Page<LotView> lots(Lots.Filter filter, PageRequest page) {
        Page<Lot> found = lots.search(caller.organizationId(), filter, page);
        Map<UUID, Lots.Totals> totals = lots.totals(found.items().stream().map(l -> l.id).toList());
        return found.map(l -> new LotView(l, totals.getOrDefault(l.id, Lots.Totals.NONE), null));
    }

    public Roll roll(UUID id) {
        return rolls.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("roll", id));
    }

    public Page<Roll> rolls(Rolls.Filter filter, PageRequest page) {
        return rolls.search(caller.organizationId(), filter, page);
    }

    public Page<InventoryTransaction> transactions(InventoryTransactions.Filter filter, PageRequest page) {
        return transactions.search(caller.organizationId(), filter, page);
    }
}
