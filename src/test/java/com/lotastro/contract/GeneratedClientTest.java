package com.lotastro.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lotastro.client.ApiClient;
import com.lotastro.client.ApiException;
import com.lotastro.client.api.CatalogApi;
import com.lotastro.client.model.CatalogItem;
import com.lotastro.client.model.CatalogItemCreate;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A partner's view: the Java client generated from openapi/ talks to the running API. */
@QuarkusTest
class GeneratedClientTest {
    @TestHTTPResource("/")
    URL baseUrl;

    @Test
    void shouldCreateReadAndMissACatalogItemWithTheGeneratedClient() throws Exception {
        Tenant tenant = Tenants.create();
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tenant.adminKey()));
        CatalogApi catalog = new CatalogApi(client);

        String quality = InventoryFixtures.uniqueCode("CLIENT");
        CatalogItem created = catalog.createCatalogItem(new CatalogItemCreate()
                .qualityCode(quality)
                .colorCode("BLACK")
                .lowStockThresholdMeters(new BigDecimal("75.5")), null, "client-test");
        CatalogItem read = catalog.getCatalogItem(created.getId());

        assertThat(read.getQualityCode()).isEqualTo(quality);
        assertThat(read.getLowStockThresholdMeters()).isEqualByComparingTo("75.50");
        assertThatThrownBy(() -> catalog.getCatalogItem(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"code\":\"not_found\"");
                });
    }
}
