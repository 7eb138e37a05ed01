package com.lotastro.shared;

/** An enum whose constants have a spelling in the contract (and in the database), e.g. {@code ship_on_date}. */
public interface ContractValue {
    String value();

    static <E extends Enum<E> & ContractValue> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.value().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " " + value);
    }
}
