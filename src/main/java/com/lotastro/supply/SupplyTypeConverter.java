package com.lotastro.supply;

import com.lotastro.shared.ContractValueConverter;
import jakarta.persistence.Converter;

@Converter
public class SupplyTypeConverter extends ContractValueConverter<SupplyType> {
    public SupplyTypeConverter() {
        super(SupplyType.class);
    }
}
