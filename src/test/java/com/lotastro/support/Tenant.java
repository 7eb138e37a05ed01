package com.lotastro.support;

import java.util.UUID;

/** An organization made for one test class, so tests never see each other's rows. */
public record Tenant(UUID organizationId, String adminKey) {
}
