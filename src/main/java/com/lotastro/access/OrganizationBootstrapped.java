package com.lotastro.access;

import java.util.UUID;

/** Fired, inside its transaction, when the first start created the first organization. */
public record OrganizationBootstrapped(UUID organizationId) {
}
