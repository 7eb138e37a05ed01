package com.lotastro.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lotastro.shared.error.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PO state machine, without starting the application. */
class OrderStatusTest {

    @Test
    void shouldMoveForwardOnlyAndCancelOnlyBeforeFulfilment() {
        assertThat(OrderStatus.CREATED.allowedNext()).containsExactly(OrderStatus.STAGED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.STAGED.allowedNext()).containsExactly(OrderStatus.PICKED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.PICKED.allowedNext()).containsExactly(OrderStatus.FULFILLED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.FULFILLED.allowedNext()).containsExactly(OrderStatus.SHIPPED);
        assertThat(OrderStatus.SHIPPED.allowedNext()).containsExactly(OrderStatus.DELIVERED);
        assertThat(OrderStatus.DELIVERED.allowedNext()).isEmpty();
        assertThat(OrderStatus.CANCELLED.allowedNext()).isEmpty();
    }

    @Test
    void shouldStampTheMoveAndRefuseAForbiddenOneNamingTheAllowedStates() {
        PurchaseOrder order = new PurchaseOrder();
        order.poNumber = "PO-2026-000001";
        order.status = OrderStatus.CREATED;
        Instant at = Instant.parse("2026-11-23T10:00:00Z");

        assertThat(order.moveTo(OrderStatus.STAGED, at)).isEqualTo(OrderStatus.CREATED);
        assertThat(order.stagedAt).isEqualTo(at);
        assertThat(order.updatedAt).isEqualTo(at);
        assertThatThrownBy(() -> order.moveTo(OrderStatus.FULFILLED, at))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.extensions())
                        .isEqualTo(Map.of("allowed_next_states", List.of("picked", "cancelled"))));
        assertThat(order.status).isEqualTo(OrderStatus.STAGED);
    }

    @Test
    void shouldKeepTheFirstApprovalOnly() {
        PurchaseOrder order = new PurchaseOrder();
        assertThat(order.attachApproval("apr_1", "a", Instant.EPOCH, "evt_1")).isTrue();
        assertThat(order.attachApproval("apr_2", "b", Instant.EPOCH, "evt_2")).isFalse();
        assertThat(order.crmApprovalId).isEqualTo("apr_1");
        assertThat(order.approvalEventId).isEqualTo("evt_1");
    }

    @Test
    void shouldFormatPoNumbersWithTheYearAndSixDigits() {
        assertThat(PoNumbers.format(2026, 123)).isEqualTo("PO-2026-000123");
        assertThat(PoNumbers.format(2027, 1)).isEqualTo("PO-2027-000001");
    }
}
