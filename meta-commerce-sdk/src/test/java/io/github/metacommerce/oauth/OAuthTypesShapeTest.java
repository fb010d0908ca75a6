package io.github.metacommerce.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OAuth value types can gain fields without breaking callers: no public constructors, not records. */
class OAuthTypesShapeTest {
    private static final List<Class<?>> TYPES = List.of(TokenInfo.class, AccessToken.class,
            AuthorizationRequest.class, VerifiedState.class, GranularScope.class);

    @Test
    void noOAuthValueTypeHasAPublicConstructor() {
        for (Class<?> type : TYPES) {
            assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isFalse();
            assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type.getSimpleName()).isTrue();
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                assertThat(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
                        .as("%s has a public or protected constructor", type.getSimpleName()).isFalse();
            }
        }
    }

    @Test
    void valuesKeepRecordLikeEqualityAndRedaction() {
        Instant t = Instant.parse("2027-01-28T10:00:00Z");
        assertThat(AccessToken.of("EAAB-secret", Optional.of(t))).isEqualTo(AccessToken.of("EAAB-secret",
                Optional.of(t))).hasSameHashCodeAs(AccessToken.of("EAAB-secret", Optional.of(t)))
                .isNotEqualTo(AccessToken.of("EAAB-secret"));
        assertThat(AccessToken.of("EAAB-secret").toString()).doesNotContain("EAAB-secret").contains("****");
        assertThat(GranularScope.of("catalog_management", List.of("1"))).isEqualTo(GranularScope.of(
                "catalog_management", List.of("1")));
        TokenInfo info = TokenInfo.builder().valid(true).appId("42").scopes(List.of("catalog_management"))
                .granularScopes(List.of(GranularScope.of("catalog_management", List.of("1")))).expiresAt(t)
                .userId("7").build();
        assertThat(info.toBuilder().build()).isEqualTo(info).hasSameHashCodeAs(info);
        assertThat(info.toBuilder().error("gone").build()).isNotEqualTo(info);
        assertThat(info.userId()).contains("7");
        assertThat(info.type()).isEmpty();
        assertThat(info.issuedFor("42")).isTrue();
        assertThat(TokenInfo.builder().build().valid()).isFalse();
        AuthorizationRequest r = AuthorizationRequest.builder().redirectUri("https://shop.example/cb").state("s")
                .build();
        assertThat(r).isEqualTo(AuthorizationRequest.builder().redirectUri("https://shop.example/cb").state("s")
                .build());
        assertThat(r.scopes()).isEqualTo(AuthorizationRequest.DEFAULT_SCOPES);
    }
}
