package io.github.metacommerce.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The footprint harness fills the ledger with the records it says (its figure is not tested). */
class LedgerFootprintTest {

    @Test
    void theRecordsAreDistinctRealisticAndComeBackAsSaved() {
        SyncStateStore ledger = SyncStateStore.inMemory();

        LedgerFootprint.fill(ledger, 2_500);

        assertThat(ledger.count(LedgerFootprint.CATALOG)).isEqualTo(2_500);
        List<SyncRecord> some = LedgerFootprint.records(1_001, 2_000);
        Map<String, SyncRecord> found = ledger.find(LedgerFootprint.CATALOG,
                some.stream().map(SyncRecord::retailerId).toList());
        assertThat(found.values()).containsExactlyInAnyOrderElementsOf(some);
        assertThat(some).allSatisfy(r -> {
            assertThat(r.contentHash()).hasSize(64);
            assertThat(r.fingerprint()).hasValueSatisfying(f -> assertThat(f).hasSize(32));
        });
        assertThat(some).filteredOn(r -> !r.translationHashes().isEmpty()).hasSizeBetween(80, 90);
        assertThat(LedgerFootprint.measure(1_000)).as("bytes of heap").isPositive();
    }
}
