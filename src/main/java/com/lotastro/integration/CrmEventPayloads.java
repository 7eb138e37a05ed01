package com.lotastro.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The {@code data} of each CRM event type, as written in the contract (snake_case in JSON). */
final class CrmEventPayloads {
    private CrmEventPayloads() {
    }

    record DealLine(@NotNull UUID crmDealLineId, @NotBlank @Size(max = 64) String qualityCode,
                    @NotBlank @Size(max = 64) String colorCode, @NotNull @Positive @DecimalMax("9999999999.99") BigDecimal meters,
                    @PositiveOrZero @DecimalMax("99999999.9999") BigDecimal unitPrice, @Pattern(regexp = "^[A-Z]{3}$") String currency) {
    }

    record DealWon(@NotNull UUID crmDealId, @NotNull UUID crmCustomerId, UUID crmSupplyRequestId, String shipIntent,
                   LocalDate shipDate, OffsetDateTime holdUntil, @Size(max = 254) String salesOwnerEmail,
                   @NotEmpty List<@Valid @NotNull DealLine> lines) {
    }

    record DealLost(@NotNull UUID crmDealId, @Size(max = 500) String reason) {
    }

    record DealLinesUpdated(@NotNull UUID crmDealId, @NotNull List<@Valid @NotNull DealLine> lines) {
    }

    record DealShipSchedule(@NotNull UUID crmDealId, @NotNull String shipIntent, LocalDate shipDate) {
    }

    record SupplyCreated(@NotNull UUID crmSupplyRequestId, UUID crmDealId, UUID crmCustomerId, UUID crmOrganizationId,
                         @NotNull String type, @NotBlank String qualityCode, @NotBlank String colorCode,
                         @NotNull @Positive @DecimalMax("9999999999.99") BigDecimal meters, LocalDate etaDate, @Size(max = 100) String manufacturingOrderReference,
                         @Size(max = 254) String salesOwnerEmail, @Size(max = 2000) String notes) {
    }

    record SupplyCancelled(@NotNull UUID crmSupplyRequestId, @Size(max = 2000) String notes) {
    }

    record ShipmentApproved(UUID crmDealId, UUID wmsReservationId, @NotBlank @Size(max = 200) String approvalId,
                            @Size(max = 200) String approvedBy, @NotNull OffsetDateTime approvedAt, LocalDate shipDate) {
    }
}
