package io.github.metacommerce.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.sync.SyncRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HashOnlyLedgerTest {

    private static String hash(int i) {
        return String.format("%064x", i);
    }

    @Test
    void keepsEachItemsHashThroughGrowth() {
        HashOnlyLedger ledger = new HashOnlyLedger();
        List<SyncRecord> records = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            records.add(record("SKU-" + i, hash(i)));
        }
        ledger.saveAll("c", records);
        ledger.saveAll("c", List.of(record("SKU-7", hash(1_000_000))));

        assertThat(ledger.count("c")).isEqualTo(100_000);
        assertThat(ledger.find("c", List.of("SKU-0", "SKU-7", "SKU-99999", "SKU-100000")))
                .containsOnlyKeys("SKU-0", "SKU-7", "SKU-99999")
                .hasEntrySatisfying("SKU-7", r -> assertThat(r.contentHash()).isEqualTo(hash(1_000_000)))
                .hasEntrySatisfying("SKU-99999", r -> assertThat(r.contentHash()).isEqualTo(hash(99_999)));
        assertThat(HashOnlyLedger.hash64("SKU-1")).isNotEqualTo(HashOnlyLedger.hash64("SKU-2"));
    }

    @Test
    void theExamplesUseOnlyTheSdksPublicApi() throws IOException {
        Path examples = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(examples)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "main"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("import io.github.metacommerce.internal.");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();

            assertThat(examples.resolve("benchmarks")).isDirectory();
            assertThat(offenders).isEmpty();
        }
    }

    private static SyncRecord record(String id, String hash) {
        return SyncRecord.builder().retailerId(id).contentHash(hash).syncedAt(Instant.EPOCH).build();
    }
}
