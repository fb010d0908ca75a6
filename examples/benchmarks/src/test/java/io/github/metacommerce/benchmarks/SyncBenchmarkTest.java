package io.github.metacommerce.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.sync.SyncOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness on a small catalog: it must run and account for every item (its timings are not tested). */
class SyncBenchmarkTest {

    @Test
    void theSuiteRunsAndEveryItemIsAccountedFor() throws Exception {
        List<SyncBenchmark.Result> results = SyncBenchmark.suite(600);

        assertThat(results).hasSize(4);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.report().outcome()).isEqualTo(SyncOutcome.COMPLETED);
            assertThat(r.report().counts().isBalanced()).isTrue();
        });
        assertThat(results.get(1).report().counts().unchanged()).as("delta skips unchanged items")
                .isGreaterThan(results.get(1).report().counts().updated());
        assertThat(results.get(2).throttles()).as("pacing within the budget meets no throttle").isZero();
        assertThat(results.get(3).report().counts().unchanged()).as("the original plan resends everything").isZero();
    }
}
