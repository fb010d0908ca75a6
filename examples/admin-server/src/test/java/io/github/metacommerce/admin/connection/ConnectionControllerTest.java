package io.github.metacommerce.admin.connection;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.metacommerce.admin.account.AdminUser;
import io.github.metacommerce.admin.store.CurrentStoreResolver;
import io.github.metacommerce.admin.store.Role;
import io.github.metacommerce.admin.store.Stores;
import io.github.metacommerce.admin.system.TestSecurity;
import io.github.metacommerce.spring.MetaCommerceLogin;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Routes 1 to 4: shapes, the redirect codes, and who may connect. */
@WebMvcTest(ConnectionController.class)
@Import({CurrentStoreResolver.class, TestSecurity.class})
class ConnectionControllerTest {
    private static final AdminUser OWNER = new AdminUser(1, "owner", "x", false, true);
    private static final AdminUser STAFF = new AdminUser(2, "staff", "x", false, true);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    MetaCommerceLogin login;
    @MockitoBean
    ConnectFlow flow;
    @MockitoBean
    MetaConnections connections;
    @MockitoBean
    Stores stores;

    @BeforeEach
    void stores() {
        when(stores.of(1)).thenReturn(List.of(new Stores.Membership(10, "Shop", Role.OWNER)));
        when(stores.of(2)).thenReturn(List.of(new Stores.Membership(10, "Shop", Role.STAFF)));
    }

    @Test
    void authUrlIsForTheCurrentStore() throws Exception {
        when(login.loginUrl("10")).thenReturn(URI.create("https://www.facebook.com/v27.0/dialog/oauth?state=s"));
        mvc.perform(post("/api/meta-commerce/auth/url").with(csrf()).with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("https://www.facebook.com/v27.0/dialog/oauth?state=s"));
        mvc.perform(post("/api/meta-commerce/auth/url").with(csrf()).with(user(STAFF)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCallbackRedirectsWithACodeNeverMetasText() throws Exception {
        when(flow.complete("error=access_denied&error_description=Permissions+error"))
                .thenReturn("error=access_denied");
        mvc.perform(get("/api/meta-commerce/auth/callback?error=access_denied&error_description=Permissions+error")
                        .with(user(OWNER)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/admin/integrations/instagram-shopping?error=access_denied"));
    }

    @Test
    void statusShapes() throws Exception {
        mvc.perform(get("/api/meta-commerce/status").with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.connected").value(false))
                .andExpect(jsonPath("$.catalogId").doesNotExist());
        when(connections.find(10)).thenReturn(Optional.of(new MetaConnection(10, "k1:x",
                Optional.of(Instant.parse("2027-01-31T00:00:00Z")), List.of(), Optional.empty(), Optional.of("b1"),
                Optional.of("Acme"), Optional.of("c1"), Optional.of("Main"), MetaConnection.RECONNECT_REQUIRED,
                Optional.of("the token expired"), "completed", Optional.of(Instant.parse("2026-12-01T10:00:00Z")),
                Optional.empty(), Instant.EPOCH)));
        mvc.perform(get("/api/meta-commerce/status").with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.connected").value(false))
                .andExpect(jsonPath("$.connectionStatus").value("reconnect_required"))
                .andExpect(jsonPath("$.catalogId").value("c1"))
                .andExpect(jsonPath("$.catalogName").value("Main"))
                .andExpect(jsonPath("$.businessName").value("Acme"))
                .andExpect(jsonPath("$.lastSyncAt").value("2026-12-01T10:00:00Z"))
                .andExpect(jsonPath("$.syncStatus").value("completed"))
                .andExpect(jsonPath("$.tokenExpires").value("2027-01-31T00:00:00Z"));
    }

    @Test
    void disconnectSaysWhetherMetaRevoked() throws Exception {
        when(flow.disconnect(any())).thenReturn(new ConnectFlow.Disconnected(true, false));
        mvc.perform(post("/api/meta-commerce/auth/disconnect").with(csrf()).with(user(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.revoked").value(false))
                .andExpect(jsonPath("$.warning").isNotEmpty());
        mvc.perform(post("/api/meta-commerce/auth/disconnect").with(csrf()).with(user(STAFF)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/meta-commerce/auth/disconnect").with(user(OWNER)))
                .andExpect(status().isForbidden());
        verify(flow, org.mockito.Mockito.times(1)).disconnect(any());
        verify(login, never()).complete(any());
    }
}
