package io.github.metacommerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.graph.ApiUsage;
import io.github.metacommerce.graph.AppUsage;
import io.github.metacommerce.graph.BusinessUseCaseUsage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageHeadersTest {

    @Test
    void parsesBothHeadersAsDocumented() {
        ApiUsage u = UsageHeaders.parse("{\"call_count\":28,\"total_time\":25,\"total_cputime\":25}",
                "{\"112233\":[{\"type\":\"ads_management\",\"call_count\":95,\"total_cputime\":20,\"total_time\":20,"
                        + "\"estimated_time_to_regain_access\":0,\"ads_api_access_tier\":\"standard_access\"}],"
                        + "\"2001\":[{\"type\":\"catalog_batch\",\"call_count\":100,\"total_cputime\":3,"
                        + "\"total_time\":4,\"estimated_time_to_regain_access\":12}]}");

        assertThat(u.app()).contains(AppUsage.of(28, 25, 25));
        assertThat(u.forObject("112233")).containsExactly(BusinessUseCaseUsage.of("ads_management", 95, 20, 20,
                Duration.ZERO, Optional.of("standard_access")));
        assertThat(u.forObject("2001")).singleElement()
                .satisfies(e -> assertThat(e.estimatedTimeToRegainAccess()).isEqualTo(Duration.ofMinutes(12)));
        assertThat(u.maxPercent()).isEqualTo(100);
        assertThat(u.longestWaitToRegainAccess()).contains(Duration.ofMinutes(12));
        assertThat(u.forObject("unknown")).isEmpty();
    }

    @Test
    void absentHeadersGiveNoUsage() {
        ApiUsage u = UsageHeaders.parse(null, " ");

        assertThat(u.isEmpty()).isTrue();
        assertThat(u.maxPercent()).isZero();
        assertThat(u.longestWaitToRegainAccess()).isEmpty();
    }

    @Test
    void malformedHeadersAreIgnoredNotFatal() {
        ApiUsage u = UsageHeaders.parse("{\"call_count\":", "[1,2,3]");

        assertThat(u).isEqualTo(ApiUsage.none());
    }

    @Test
    void aFlatObjectInsteadOfAnArrayIsStillRead() {
        ApiUsage u = UsageHeaders.parse(null, "{\"2001\":{\"type\":\"catalog_management\",\"call_count\":\"40\"}}");

        assertThat(u.forObject("2001")).singleElement().satisfies(e -> {
            assertThat(e.callCount()).isEqualTo(40);
            assertThat(e.estimatedTimeToRegainAccess()).isEqualTo(Duration.ZERO);
        });
    }
}
