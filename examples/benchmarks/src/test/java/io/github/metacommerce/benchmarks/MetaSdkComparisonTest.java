package io.github.metacommerce.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side harness at a tiny size: both clients must fill their catalogs, and the report must carry its
 * figures (their values are not tested). Meta's side sends 20 requests a call here, so that at the floor of 8 batch
 * calls a minute it makes more calls than the budget allows, as it does with 3,000 a call and 100,000 products.
 */
class MetaSdkComparisonTest {

    @Test
    void bothClientsFillTheCatalogAndTheReportHasItsFigures() throws Exception {
        List<String> progress = new ArrayList<>();
        MetaSdkComparison.Result result = MetaSdkComparison.run(new MetaSdkComparison.Config(300, 1, 300,
                Duration.ofSeconds(20), 20, Duration.ofSeconds(2), MetaSdkComparison.FAST_BUDGET, Duration.ofHours(1)),
                progress::add);

        long valid = result.fastItems().valid();
        assertThat(valid).as("some of the 300 products are invalid on purpose").isGreaterThan(250).isLessThan(
                result.fastItems().items());
        assertThat(result.fastItems().changedPrices()).as("1 % changed").isNotEmpty();
        MetaSdkComparison.Round round = result.rounds().get(0);
        assertThat(round.runs()).hasSize(4);
        assertThat(round.runs().get(0).client()).as("round 1 starts with ours").isEqualTo("ours");
        assertThat(round.runs()).allSatisfy(r -> {
            assertThat(r.itemsInCatalog()).isEqualTo(valid);
            assertThat(r.staleChanged()).isZero();
            assertThat(r.throttleErrors()).isZero();
            assertThat(r.itemsBatch()).isPositive();
        });
        assertThat(round.get("meta", "resync").requestsSent()).as("Meta's simple way resends everything")
                .isEqualTo(valid);
        assertThat(round.get("ours", "resync").requestsSent()).as("ours sends only what changed")
                .isEqualTo(result.fastItems().changedPrices().size());
        assertThat(result.fastComplete()).isTrue();

        MetaSdkComparison.Run oursFloor = result.floor().get(0);
        MetaSdkComparison.Run metaFloor = result.floor().get(2);
        assertThat(oursFloor.client()).isEqualTo("ours");
        assertThat(oursFloor.throttleErrors()).isZero();
        assertThat(oursFloor.complete()).isTrue();
        assertThat(oursFloor.confirmed()).isEqualTo(valid);
        assertThat(oursFloor.virtualTime()).as("the processing delay passed in virtual time")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(metaFloor.client()).isEqualTo("meta");
        assertThat(metaFloor.throttleErrors()).as("16 calls at once against 8 a minute").isPositive();
        assertThat(metaFloor.missing()).isPositive();
        assertThat(metaFloor.confirmed()).isLessThan(valid);

        String report = result.format();
        assertThat(report).contains("scenario fast", "round 1 (ours first)", "medians over 1 round(s)",
                "ratio ours/meta", "status polls", "items_batch", "cpu", "throttle errors",
                "catalog " + valid + "/" + valid, "every catalog complete (all valid items, changed ones up to date): "
                        + "yes", "scenario floor", "ours full: 0 throttle errors, every item confirmed",
                "meta full: " + metaFloor.throttleErrors() + " throttle errors");
        assertThat(progress).hasSize(8);
    }
}
