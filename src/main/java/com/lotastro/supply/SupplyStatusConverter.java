package com.lotastro.supply;

import com.lotastro.shared.ContractValueConverter;
import jakarta.persistence.Converter;

/** Stores statuses by their contract value (e.g. {@code arrived_soft}), as the database check expects. */
@Converter
public class SupplyStatusConverter extends ContractValueConverter<SupplyStatus> {
    public SupplyStatusConverter() {
        super(SupplyStatus.class);
    }
}
