package io.github.metacommerce.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps creation of the SDK's public types behind builders and factories, so that adding a field later does not
 * break binary compatibility: a public type that is not an exception, enum, interface or allowlisted record has no
 * public constructor, and a public record is one of the few small closed values listed here.
 */
class ApiShapeTest {
    /** The API packages this test covers: every exported package of the SDK. */
    static final Set<String> COVERED_PACKAGES = Set.of(
            "io.github.metacommerce",
            "io.github.metacommerce.product",
            "io.github.metacommerce.catalog",
            "io.github.metacommerce.graph",
            "io.github.metacommerce.exception",
            "io.github.metacommerce.oauth",
            "io.github.metacommerce.sync");

    /** Public records allowed to stay records: values whose components are their identity and will not grow. */
    static final Map<Class<?>, String> RECORD_ALLOWLIST = Map.of(
            io.github.metacommerce.catalog.Price.class, "an amount and its currency; nothing else makes a price",
            io.github.metacommerce.oauth.OAuthCallback.Authorized.class,
            "the parsed callback query (code and state), one case of a sealed type matched with record patterns",
            io.github.metacommerce.oauth.OAuthCallback.Denied.class,
            "the parsed denial query (Meta's four error parameters), one case of a sealed type",
            io.github.metacommerce.product.SalePeriod.class, "a time range: a start and an end",
            io.github.metacommerce.graph.Page.class, "one page of a Graph list: items, cursor, next flag, headers");

    private static List<Class<?>> covered() {
        return ApiTypes.publicTypes(COVERED_PACKAGES);
    }

    @Test
    void coveredPackagesAreApiPackagesThatExist() {
        assertThat(ApiTypes.packages()).containsAll(COVERED_PACKAGES);
        assertThat(COVERED_PACKAGES).allMatch(ApiTypes::isApiPackage);
        assertThat(covered()).hasSizeGreaterThan(50);
    }

    @Test
    void noPublicTypeBeyondTheAllowlistIsARecord() {
        List<String> records = covered().stream()
                .filter(Class::isRecord)
                .filter(c -> !RECORD_ALLOWLIST.containsKey(c))
                .map(Class::getName)
                .toList();

        assertThat(records).as("public records outside the allowlist (make them final classes with builders)")
                .isEmpty();
    }

    @Test
    void noPublicClassHasAPublicConstructorUnlessItIsAnExceptionEnumInterfaceOrAllowlistedRecord() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : covered()) {
            if (c.isInterface() || c.isEnum() || Throwable.class.isAssignableFrom(c)
                    || (c.isRecord() && RECORD_ALLOWLIST.containsKey(c))) {
                continue;
            }
            for (Constructor<?> ctor : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(ctor.getModifiers()) || Modifier.isProtected(ctor.getModifiers())) {
                    offenders.add(c.getName() + Arrays.stream(ctor.getParameterTypes()).map(Class::getSimpleName)
                            .collect(Collectors.joining(", ", "(", ")")));
                }
            }
        }

        assertThat(offenders).as("public or protected constructors (use builder() or a static factory)").isEmpty();
    }

    @Test
    void allowlistedRecordsAreStillPublicRecordsInCoveredPackages() {
        for (Class<?> c : RECORD_ALLOWLIST.keySet()) {
            assertThat(c.isRecord()).as(c + " is a record").isTrue();
            assertThat(Modifier.isPublic(c.getModifiers())).as(c + " is public").isTrue();
            assertThat(COVERED_PACKAGES).contains(c.getPackageName());
        }
    }

    @Test
    void convertedValueTypesAreFinal() {
        List<String> notFinal = covered().stream()
                .filter(c -> !c.isInterface() && !c.isEnum() && !c.isRecord()
                        && !Throwable.class.isAssignableFrom(c))
                .filter(c -> !Modifier.isFinal(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers()))
                .map(Class::getName)
                .toList();

        assertThat(notFinal).as("public concrete classes that users could subclass").isEmpty();
    }
}
