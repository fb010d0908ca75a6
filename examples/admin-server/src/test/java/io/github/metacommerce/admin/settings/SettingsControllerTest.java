package io.github.metacommerce.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.metacommerce.admin.account.AdminUser;
import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.store.CurrentStoreResolver;
import io.github.metacommerce.admin.store.Role;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.product.OutOfStockPolicy;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The contract of routes 5 and 6: shapes, masking, and every kind of bad input naming its field. */
@WebMvcTest(SettingsController.class)
@Import({CurrentStoreResolver.class, io.github.metacommerce.admin.system.TestSecurity.class})
class SettingsControllerTest {
    private static final AdminUser OWNER = new AdminUser(1, "owner", "x", false, true);
    private static final AdminUser STAFF = new AdminUser(2, "staff", "x", false, true);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StoreSettingsTable settings;
    @MockitoBean
    MetaConnections connections;
    @MockitoBean
    Stores stores;

    @BeforeEach
    void oneStore() {
        when(stores.of(1)).thenReturn(List.of(new Stores.Membership(10, "Shop", Role.OWNER)));
        when(stores.of(2)).thenReturn(List.of(new Stores.Membership(10, "Shop", Role.STAFF)));
        when(settings.find(anyLong())).thenReturn(SettingsRow.defaults());
    }

    @Test
    void configMasksTheTokenAndShowsTheSettings() throws Exception {
        when(connections.find(10)).thenReturn(Optional.of(new MetaConnection(10, "k1:secret-ciphertext",
                Optional.empty(), List.of("catalog_management"), Optional.of("u"), Optional.of("b1"),
                Optional.of("Biz"), Optional.of("c1"), Optional.of("Cat"), MetaConnection.CONNECTED, Optional.empty(),
                "never", Optional.empty(), Optional.empty(), Instant.EPOCH)));
        mvc.perform(get("/api/meta-commerce/config").with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configured").value(true))
                .andExpect(jsonPath("$.config.accessToken").value("••••••••"))
                .andExpect(jsonPath("$.config.catalogName").value("Cat"))
                .andExpect(jsonPath("$.config.currency").value("USD"))
                .andExpect(jsonPath("$.config.syncSettings.outOfStockPolicy").value("keep_visible"))
                .andExpect(jsonPath("$.config.syncSettings.schedule.type").value("off"));
    }

    @Test
    void configWithoutConnectionIsNotConfigured() throws Exception {
        mvc.perform(get("/api/meta-commerce/config").with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configured").value(false))
                .andExpect(jsonPath("$.config.accessToken").isEmpty());
    }

    @Test
    void saveNormalisesAndStores() throws Exception {
        mvc.perform(save("""
                        {"defaultBrand":"  Acme ","storeDomain":"Shop.Example","currency":"jpy",
                         "syncSettings":{"outOfStockPolicy":"DELETE","languages":["fr_FR","fr-FR","de"],
                           "syncOnChange":true,"schedule":{"type":"interval","everyHours":6}}}""").with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true));
        ArgumentCaptor<SettingsRow> row = ArgumentCaptor.forClass(SettingsRow.class);
        verify(settings).save(eq(10L), row.capture());
        assertThat(row.getValue().defaultBrand()).contains("Acme");
        assertThat(row.getValue().storeDomain()).contains("shop.example");
        assertThat(row.getValue().currency()).isEqualTo("JPY");
        assertThat(row.getValue().outOfStockPolicy()).isEqualTo(OutOfStockPolicy.DELETE);
        assertThat(row.getValue().languages()).containsExactly("fr-FR", "de");
        assertThat(row.getValue().schedule().everyHours()).contains(6);
        assertThat(row.getValue().syncOnChange()).isTrue();
    }

    @Test
    void aFieldLeftOutKeepsItsValue() throws Exception {
        SettingsRow current = new SettingsRow(Optional.of("Old"), Optional.of("old.example"), "EUR",
                OutOfStockPolicy.HIDE, new SyncSchedule("daily", Optional.empty(), Optional.of(LocalTime.of(3, 0)),
                        java.time.ZoneId.of("Europe/Paris")), List.of("fr"), true);
        when(settings.find(10)).thenReturn(current);
        mvc.perform(save("{\"currency\":\"GBP\"}").with(user(OWNER))).andExpect(status().isOk());
        ArgumentCaptor<SettingsRow> row = ArgumentCaptor.forClass(SettingsRow.class);
        verify(settings).save(eq(10L), row.capture());
        assertThat(row.getValue()).isEqualTo(new SettingsRow(Optional.of("Old"), Optional.of("old.example"), "GBP",
                OutOfStockPolicy.HIDE, current.schedule(), List.of("fr"), true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"currency\":\"EURO\"}|currency",
        "{\"currency\":\"XYZ\"}|currency",
        "{\"storeDomain\":\"http://shop.example\"}|storeDomain",
        "{\"storeDomain\":\"https://shop.example/path\"}|storeDomain",
        "{\"storeDomain\":\"not a host\"}|storeDomain",
        "{\"defaultBrand\":\"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\"}|defaultBrand",
        "{\"syncSettings\":{\"outOfStockPolicy\":\"sometimes\"}}|syncSettings.outOfStockPolicy",
        "{\"syncSettings\":{\"schedule\":{\"type\":\"weekly\"}}}|syncSettings.schedule.type",
        "{\"syncSettings\":{\"schedule\":{\"type\":\"interval\",\"everyHours\":0}}}|syncSettings.schedule.everyHours",
        "{\"syncSettings\":{\"schedule\":{\"type\":\"daily\",\"dailyAt\":\"25:00\"}}}|syncSettings.schedule.dailyAt",
        "{\"syncSettings\":{\"schedule\":{\"type\":\"daily\",\"dailyAt\":\"03:00\",\"timeZone\":\"Mars/Base\"}}}|syncSettings.schedule.timeZone",
        "{\"syncSettings\":{\"languages\":[\"english please\"]}}|syncSettings.languages",
        "{\"syncSettings\":{\"syncOnChange\":\"sometimes\"}}|syncSettings.syncOnChange",
        "{\"syncSettings\":{\"schedule\":{\"type\":\"interval\",\"everyHours\":\"six\"}}}|syncSettings.schedule.everyHours",
        "{\"currency\":[\"USD\"]}|currency"
    })
    void badInputIs400NamingTheField(String body, String field) throws Exception {
        mvc.perform(save(body).with(user(OWNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.category").value("unknown_error"))
                .andExpect(jsonPath("$.error").isNotEmpty());
        verify(settings, never()).save(anyLong(), any());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        mvc.perform(save("{\"currency\": ").with(user(OWNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_json"));
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String big = "{\"defaultBrand\":\"" + "x".repeat(1_100_000) + "\"}";
        mvc.perform(save(big).with(user(OWNER)))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.code").value("payload_too_large"));
        verify(settings, never()).save(anyLong(), any());
    }

    @Test
    void theWrongContentTypeIs415() throws Exception {
        mvc.perform(post("/api/meta-commerce/save-config").with(csrf()).with(user(OWNER))
                        .contentType(MediaType.TEXT_PLAIN).content("currency=USD"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported_media_type"));
    }

    @Test
    void staffMayNotChangeSettings() throws Exception {
        mvc.perform(save("{\"currency\":\"USD\"}").with(user(STAFF)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.category").value("permission_error"));
        verify(settings, never()).save(anyLong(), any());
    }

    private static MockHttpServletRequestBuilder save(String json) {
        return post("/api/meta-commerce/save-config").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
