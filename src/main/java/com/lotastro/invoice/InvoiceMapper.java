package com.lotastro.invoice;

import com.lotastro.api.model.CreditNoteCreateDto;
import com.lotastro.api.model.CreditNoteDto;
import com.lotastro.api.model.CreditNoteLineDto;
import com.lotastro.api.model.InvoiceAllocationDto;
import com.lotastro.api.model.InvoiceDto;
import com.lotastro.api.model.InvoiceLineCreateDto;
import com.lotastro.api.model.InvoiceLineDto;
import com.lotastro.api.model.InvoiceLineUpdateDto;
import com.lotastro.api.model.InvoiceStatusDto;
import com.lotastro.api.model.PaymentAllocationDto;
import com.lotastro.api.model.PaymentCreateDto;
import com.lotastro.api.model.PaymentDto;
import com.lotastro.shared.ContractValue;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

final class InvoiceMapper {
    private InvoiceMapper() {
    }

    static List<InvoiceService.NewLine> toLines(List<InvoiceLineCreateDto> lines) {
        return lines.stream().map(l -> new InvoiceService.NewLine(l.getDescription(), l.getQualityCode(), l.getColorCode(), l.getQuantity(),
                l.getUnit(), l.getUnitPrice(), l.getDiscountPercent(), l.getTaxRate())).toList();
    }

    static InvoiceService.LineChanges toChanges(InvoiceLineUpdateDto dto) {
        return new InvoiceService.LineChanges(dto.getDescription(), dto.getQuantity(), dto.getUnitPrice(), dto.getDiscountPercent(),
                dto.getTaxRate());
    }

    /** Exactly one of lines and amount; an amount is one line of that net amount. */
    static List<InvoiceService.NewCreditLine> toCreditLines(CreditNoteCreateDto dto) {
        boolean hasLines = dto.getLines() != null && !dto.getLines().isEmpty();
        if (hasLines == (dto.getAmount() != null)) {
            throw ApiException.invalid("amount", "send exactly one of lines and amount");
        }
        if (!hasLines) {
            return List.of(new InvoiceService.NewCreditLine(null, dto.getAmount(), dto.getTaxRate()));
        }
        if (dto.getTaxRate() != null) {
            throw ApiException.invalid("tax_rate", "goes with amount; with lines, each line has its own");
        }
        return dto.getLines().stream().map(l -> new InvoiceService.NewCreditLine(l.getDescription(), l.getNetAmount(), l.getTaxRate()))
                .toList();
    }

    static PaymentService.NewPayment toPayment(PaymentCreateDto dto) {
        return new PaymentService.NewPayment(dto.getCustomerId(), ContractValue.parse(PaymentMethod.class, dto.getMethod().toString()),
                dto.getAmount(), dto.getCurrency(), dto.getReceivedOn(), dto.getReference());
    }

    static InvoiceStatus toStatus(InvoiceStatusDto dto) {
        return dto == null ? null : ContractValue.parse(InvoiceStatus.class, dto.toString());
    }

    static InvoiceDto toDto(InvoiceService.InvoiceView view) {
        Invoice i = view.invoice();
        return new InvoiceDto()
                .id(i.id)
                .number(i.number)
                .status(InvoiceStatusDto.fromValue(i.status.value()))
                .allowedNextStates(i.allowedNext().stream().map(s -> InvoiceStatusDto.fromValue(s.value())).toList())
                .customerId(i.customerId)
                .orderId(i.orderId)
                .poNumber(view.poNumber())
                .currency(i.currency)
                .lines(i.lines.stream().map(InvoiceMapper::toDto).toList())
                .netTotal(i.netTotal)
                .taxTotal(i.taxTotal)
                .grossTotal(i.grossTotal)
                .creditedTotal(i.creditedTotal)
                .paidTotal(i.paidTotal)
                .balance(i.balance)
                .overdue(view.overdue())
                .issueDate(i.issueDate)
                .dueDate(i.dueDate)
                .notes(i.notes)
                .voidReason(i.voidReason)
                .allocations(view.allocations().stream().map(a -> new InvoiceAllocationDto().id(a.id).paymentId(a.paymentId).amount(a.amount)
                        .createdAt(Timestamps.utc(a.createdAt))).toList())
                .creditNotes(view.creditNotes().stream().map(InvoiceMapper::toDto).toList())
                .issuedAt(utc(i.issuedAt))
                .voidedAt(utc(i.voidedAt))
                .version(i.version)
                .createdAt(Timestamps.utc(i.createdAt))
                .updatedAt(Timestamps.utc(i.updatedAt));
    }

    static InvoiceLineDto toDto(InvoiceLine l) {
        return new InvoiceLineDto()
                .id(l.id)
                .position(l.position)
                .description(l.description)
                .orderLineId(l.orderLineId)
                .crmDealLineId(l.crmDealLineId)
                .qualityCode(l.qualityCode)
                .colorCode(l.colorCode)
                .quantity(l.quantity)
                .unit(l.unit)
                .unitPrice(l.unitPrice)
                .discountPercent(l.discountPercent)
                .discountAmount(l.discountAmount())
                .taxRate(l.taxRate)
                .netAmount(l.netAmount)
                .taxAmount(l.taxAmount)
                .grossAmount(l.grossAmount)
                .priceSource(InvoiceLineDto.PriceSourceEnum.fromValue(l.priceSource));
    }

    static CreditNoteDto toDto(CreditNote c) {
        return new CreditNoteDto()
                .id(c.id)
                .number(c.number)
                .currency(c.currency)
                .netTotal(c.netTotal)
                .taxTotal(c.taxTotal)
                .grossTotal(c.grossTotal)
                .refundedToPayments(c.refundedToPayments)
                .reason(c.reason)
                .lines(c.lines.stream().map(l -> new CreditNoteLineDto().description(l.description).netAmount(l.netAmount).taxRate(l.taxRate)
                        .taxAmount(l.taxAmount).grossAmount(l.grossAmount)).toList())
                .createdAt(Timestamps.utc(c.createdAt));
    }

    static PaymentDto toDto(Payment p, List<PaymentService.AllocationView> allocations) {
        return new PaymentDto()
                .id(p.id)
                .customerId(p.customerId)
                .method(com.lotastro.api.model.PaymentMethodDto.fromValue(p.method.value()))
                .amount(p.amount)
                .currency(p.currency)
                .receivedOn(p.receivedOn)
                .reference(p.reference)
                .allocatedAmount(p.allocatedAmount)
                .unallocatedAmount(p.unallocated())
                .allocations(allocations.stream().map(a -> new PaymentAllocationDto().id(a.allocation().id).invoiceId(a.allocation().invoiceId)
                        .invoiceNumber(a.invoiceNumber()).amount(a.allocation().amount).createdAt(Timestamps.utc(a.allocation().createdAt)))
                        .toList())
                .version(p.version)
                .createdAt(Timestamps.utc(p.createdAt));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : Timestamps.utc(instant);
    }
}
