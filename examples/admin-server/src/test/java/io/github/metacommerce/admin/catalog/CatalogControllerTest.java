package io.github.metacommerce.admin.catalog;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.metacommerce.admin.account.AdminUser;
import io.github.metacommerce.admin.connection.MetaAccess;
import io.github.metacommerce.admin.connection.MetaConnection;
import io.github.metacommerce.admin.connection.MetaConnections;
import io.github.metacommerce.admin.store.CurrentStore;
import io.github.metacommerce.admin.store.CurrentStoreResolver;
import io.github.metacommerce.admin.store.Role;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.admin.system.TestSecurity;
import io.github.metacommerce.catalog.Business;
import io.github.metacommerce.catalog.Catalog;
import io.github.metacommerce.exception.GraphError;
import io.github.metacommerce.exception.RateLimitException;
import io.github.metacommerce.exception.GraphTransportException;
import io.github.metacommerce.graph.GraphClient;
import io.github.metacommerce.graph.PageIterable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Routes 7 to 11: shapes, the selection checks against what Meta lists, and Meta's failures. */
@WebMvcTest(CatalogController.class)
@Import({CurrentStoreResolver.class, TestSecurity.class, Catalogs.class})
class CatalogControllerTest {
    private static final AdminUser OWNER = new AdminUser(1, "owner", "x", false, true);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    MetaAccess meta;
    @MockitoBean
    MetaConnections connections;
    @MockitoBean
    Stores stores;

    private final GraphClient graph = mock(GraphClient.class);

    @BeforeEach
    void connectedStoreWithBusiness() {
        when(stores.of(1)).thenReturn(List.of(new Stores.Membership(10, "Shop", Role.OWNER)));
        when(meta.require(any())).thenReturn(connection(Optional.of("b1")));
        when(meta.call(any(CurrentStore.class), any())).thenAnswer(inv -> {
            Function<GraphClient, ?> f = inv.getArgument(1);
            return f.apply(graph);
        });
        PageIterable<Business> businesses = pages(List.of(Business.of("b1", "Acme Ltd", Optional.empty())));
        PageIterable<Catalog> owned = pages(List.of(Catalog.of("c1", "Main", 120, "commerce")));
        PageIterable<Catalog> client = pages(List.of(Catalog.of("c1", "Main", 120, "commerce"),
                Catalog.of("c2", "Agency", 7, "commerce")));
        when(graph.businesses()).thenReturn(businesses);
        when(graph.ownedCatalogs("b1")).thenReturn(owned);
        when(graph.clientCatalogs("b1")).thenReturn(client);
    }

    @Test
    void businessesHaveTheSeedsFields() throws Exception {
        mvc.perform(get("/api/meta-commerce/businesses").with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.businesses[0].id").value("b1"))
                .andExpect(jsonPath("$.businesses[0].name").value("Acme Ltd"))
                .andExpect(jsonPath("$.businesses[0]").value(org.hamcrest.Matchers.hasKey("profile_picture_uri")));
    }

    @Test
    void catalogsAreOwnedAndClientCatalogsEachOnce() throws Exception {
        mvc.perform(get("/api/meta-commerce/catalogs").with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.catalogs.length()").value(2))
                .andExpect(jsonPath("$.catalogs[0].product_count").value(120))
                .andExpect(jsonPath("$.catalogs[1].id").value("c2"))
                .andExpect(jsonPath("$.catalogs[1].vertical").value("commerce"));
    }

    @Test
    void catalogsWithoutBusinessIs400() throws Exception {
        when(meta.require(any())).thenReturn(connection(Optional.empty()));
        mvc.perform(get("/api/meta-commerce/catalogs").with(user(OWNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("no_business_selected"))
                .andExpect(jsonPath("$.error").value("No business selected: select a business first."));
    }

    @Test
    void selectionTakesNamesFromMetaAndRefusesUnknownIds() throws Exception {
        mvc.perform(put("/api/meta-commerce/businesses/select").with(csrf()).with(user(OWNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"businessId\":\"b1\",\"businessName\":\"X\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.success").value(true));
        verify(connections).selectBusiness(10, "b1", "Acme Ltd");

        mvc.perform(put("/api/meta-commerce/catalogs/select").with(csrf()).with(user(OWNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"catalogId\":\"c2\",\"catalogName\":\"Y\"}"))
                .andExpect(status().isOk());
        verify(connections).selectCatalog(10, "c2", "Agency");

        mvc.perform(put("/api/meta-commerce/catalogs/select").with(csrf()).with(user(OWNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"catalogId\":\"c9\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("catalogId"));
        mvc.perform(put("/api/meta-commerce/businesses/select").with(csrf()).with(user(OWNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("businessId"));
        mvc.perform(put("/api/meta-commerce/businesses/select").with(csrf()).with(user(OWNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"businessId\":{\"id\":1}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("businessId"));
        verify(connections, never()).selectBusiness(anyLong(), anyString(), org.mockito.ArgumentMatchers.eq("X"));
    }

    @Test
    void createNeedsAName() throws Exception {
        when(graph.createCatalog("b1", "Spring")).thenReturn(Catalog.of("c3", "Spring", 0, "commerce"));
        mvc.perform(post("/api/meta-commerce/catalogs").with(csrf()).with(user(OWNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" Spring \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.catalog.id").value("c3"))
                .andExpect(jsonPath("$.catalog.name").value("Spring"));
        mvc.perform(post("/api/meta-commerce/catalogs").with(csrf()).with(user(OWNER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
    }

    @Test
    void metasFailuresKeepTheContractShape() throws Exception {
        when(graph.businesses()).thenThrow(new RateLimitException(GraphError.of(400, "There have been too many calls",
                Optional.of("OAuthException"), 80014, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false), null, Duration.ofSeconds(90)));
        mvc.perform(get("/api/meta-commerce/businesses").with(user(OWNER)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "90"))
                .andExpect(jsonPath("$.category").value("rate_limit_error"));

        org.mockito.Mockito.doThrow(new GraphTransportException("GET /me/businesses failed", null, false, false))
                .when(graph).businesses();
        mvc.perform(get("/api/meta-commerce/businesses").with(user(OWNER)))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.category").value("network_error"));

        when(meta.require(any())).thenThrow(ApiException.precondition("authentication_error", "not_connected",
                "This store is not connected to Meta yet"));
        mvc.perform(get("/api/meta-commerce/catalogs").with(user(OWNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("not_connected"));
    }

    private static MetaConnection connection(Optional<String> businessId) {
        return new MetaConnection(10, "k1:x", Optional.empty(), List.of(), Optional.empty(), businessId,
                businessId.map(b -> "Acme Ltd"), Optional.empty(), Optional.empty(), MetaConnection.CONNECTED,
                Optional.empty(), "never", Optional.empty(), Optional.empty(), Instant.EPOCH);
    }

    private static <T> PageIterable<T> pages(List<T> items) {
        @SuppressWarnings("unchecked")
        PageIterable<T> p = mock(PageIterable.class);
        when(p.stream()).thenAnswer(inv -> items.stream());
        return p;
    }
}
