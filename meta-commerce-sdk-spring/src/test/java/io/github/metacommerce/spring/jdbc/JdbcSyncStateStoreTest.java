package io.github.metacommerce.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.metacommerce.MetaCommerceClient;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.VirtualTime;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductTranslation;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sandbox.SandboxExtension;
import io.github.metacommerce.sync.CatalogSync;
import io.github.metacommerce.sync.SyncOptions;
import io.github.metacommerce.sync.SyncOutcome;
import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncReport;
import io.github.metacommerce.sync.SyncRequest;
import io.github.metacommerce.sync.SyncStateStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * {@link JdbcSyncStateStore} on H2 in PostgreSQL mode, and on a real PostgreSQL when
 * {@code -Dledger.test.postgres.url=jdbc:postgresql://host:port/db} (optionally {@code ledger.test.postgres.user}
 * and {@code .password}) or a PostgreSQL {@code -Dspring.datasource.url} is given; without one the PostgreSQL
 * tests are skipped. Each test gets a table of its own, created from the DDL shipped in the jar.
 */
class JdbcSyncStateStoreTest {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.create(b -> b.batchProcessingDelay(Duration.ZERO));

    private static final String CATALOG = "cat-1";
    private static final Instant T0 = Instant.parse("2026-12-01T10:15:30.123456Z");

    static SyncRecord record(int i, String hash) {
        SyncRecord.Builder b = SyncRecord.builder().retailerId(String.format("SKU-%06d", i)).productId("p" + i)
                .contentHash(hash + i).syncedAt(T0.plusSeconds(i)).warnings(i % 3);
        if (i % 2 == 0) {
            b.translationHash("fr_XX", "fr-" + hash + i).translationHash("de_DE", "de-" + hash + i);
        }
        return b.build();
    }

    static List<SyncRecord> records(int from, int to, String hash) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> record(i, hash)).toList();
    }

    /** The behaviour every database must show. */
    abstract class Contract {
        DataSource target;
        String table;
        CountingDataSource counting;
        JdbcSyncStateStore store;

        abstract DataSource open();

        abstract String ddlResource();

        @BeforeEach
        void createTable() throws SQLException {
            target = open();
            table = "ledger_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            String ddl;
            try {
                ddl = new ClassPathResource(ddlResource()).getContentAsString(StandardCharsets.UTF_8)
                        .replace(JdbcSyncStateStore.DEFAULT_TABLE, table);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            try (Connection c = target.getConnection()) {
                ScriptUtils.executeSqlScript(c, new ByteArrayResource(ddl.getBytes(StandardCharsets.UTF_8)));
            }
            counting = new CountingDataSource(target);
            store = new JdbcSyncStateStore(counting.dataSource(), table);
        }

        /** Releases the database after the test's table is dropped. */
        abstract void close();

        @AfterEach
        void dropTable() {
            if (table != null) {
                new JdbcTemplate(target).execute("drop table " + table);
            }
            close();
        }

        @Test
        void aRecordReadsBackWholeWithItsTranslationHashes() {
            SyncRecord withTranslations = SyncRecord.builder().retailerId("SKU-1").productId("42")
                    .contentHash("c".repeat(64)).translationHash("fr_XX", "f".repeat(64))
                    .translationHash("es_XX", "e".repeat(64)).syncedAt(T0).warnings(2).build();
            SyncRecord plain = SyncRecord.builder().retailerId("SKU-2").contentHash("d".repeat(64)).syncedAt(T0)
                    .build();

            store.saveAll(CATALOG, List.of(withTranslations, plain));

            Map<String, SyncRecord> found = store.find(CATALOG, List.of("SKU-1", "SKU-2", "SKU-3"));
            assertThat(found).containsOnlyKeys("SKU-1", "SKU-2");
            assertThat(found.get("SKU-1")).isEqualTo(withTranslations);
            assertThat(found.get("SKU-1").translationHashes())
                    .containsExactly(Map.entry("es_XX", "e".repeat(64)), Map.entry("fr_XX", "f".repeat(64)));
            assertThat(found.get("SKU-2")).isEqualTo(plain);
            assertThat(found.get("SKU-2").productId()).isEmpty();
            assertThat(found.get("SKU-2").translationHashes()).isEmpty();
            assertThat(store.count(CATALOG)).isEqualTo(2);
        }

        @Test
        void theFingerprintIsKeptWithTheRecordAndReplacedWithIt() {
            SyncRecord with = SyncRecord.builder().retailerId("SKU-1").productId("1").contentHash("c".repeat(64))
                    .fingerprint("0123456789abcdef0123456789abcdef").syncedAt(T0).build();
            SyncRecord text = SyncRecord.builder().retailerId("SKU-2").contentHash("d".repeat(64))
                    .fingerprint("v7/Größe:" + "f".repeat(64)).syncedAt(T0).build();
            SyncRecord without = SyncRecord.builder().retailerId("SKU-3").contentHash("e".repeat(64)).syncedAt(T0)
                    .build();
            SyncRecord tooLong = SyncRecord.builder().retailerId("SKU-4").contentHash("a".repeat(64))
                    .fingerprint("9".repeat(JdbcSyncStateStore.MAX_FINGERPRINT + 1)).syncedAt(T0).build();

            store.saveAll(CATALOG, List.of(with, text, without, tooLong));

            Map<String, SyncRecord> found = store.find(CATALOG, List.of("SKU-1", "SKU-2", "SKU-3", "SKU-4"));
            assertThat(found.get("SKU-1")).isEqualTo(with);
            assertThat(found.get("SKU-1").fingerprint()).contains("0123456789abcdef0123456789abcdef");
            assertThat(found.get("SKU-2")).isEqualTo(text);
            assertThat(found.get("SKU-3")).isEqualTo(without);
            assertThat(found.get("SKU-3").fingerprint()).isEmpty();
            assertThat(found.get("SKU-4").fingerprint()).as("longer than the column: not kept").isEmpty();
            assertThat(found.get("SKU-4")).isEqualTo(tooLong.toBuilder().fingerprint(null).build());
            assertThat(new JdbcTemplate(target).queryForObject("select count(*) from " + table
                    + " where fingerprint is null", Long.class)).isEqualTo(2);

            // saved again without one: the old fingerprint is gone with the old row
            store.saveAll(CATALOG, List.of(with.toBuilder().fingerprint(null).build()));
            assertThat(store.find(CATALOG, List.of("SKU-1")).get("SKU-1").fingerprint()).isEmpty();
        }

        @Test
        void aTableFromBeforeFingerprintsStillWorksAndKeepsNone() throws Exception {
            String legacy = table + "_old";
            String ddl = new ClassPathResource(ddlResource()).getContentAsString(StandardCharsets.UTF_8)
                    .replace(JdbcSyncStateStore.DEFAULT_TABLE, legacy)
                    .replaceAll("(?m)^\\s*fingerprint\\s+varchar\\(128\\),\\s*$", "");
            assertThat(ddl).doesNotContain("fingerprint         varchar");
            try (Connection c = target.getConnection()) {
                ScriptUtils.executeSqlScript(c, new ByteArrayResource(ddl.getBytes(StandardCharsets.UTF_8)));
            }
            try {
                JdbcSyncStateStore old = new JdbcSyncStateStore(counting.dataSource(), legacy);
                SyncRecord r = SyncRecord.builder().retailerId("SKU-1").productId("1").contentHash("c".repeat(64))
                        .fingerprint("0123456789abcdef0123456789abcdef").syncedAt(T0).warnings(1).build();

                old.saveAll(CATALOG, List.of(r));

                assertThat(old.find(CATALOG, List.of("SKU-1")).get("SKU-1"))
                        .isEqualTo(r.toBuilder().fingerprint(null).build());
                assertThat(old.count(CATALOG)).isOne();

                // once the column is added (the admin server's V7 migration), a new store object keeps them
                new JdbcTemplate(target).execute("alter table " + legacy + " add column fingerprint varchar(128)");
                JdbcSyncStateStore migrated = new JdbcSyncStateStore(counting.dataSource(), legacy);
                assertThat(migrated.find(CATALOG, List.of("SKU-1")).get("SKU-1").fingerprint()).isEmpty();
                migrated.saveAll(CATALOG, List.of(r));
                assertThat(migrated.find(CATALOG, List.of("SKU-1")).get("SKU-1")).isEqualTo(r);
            } finally {
                new JdbcTemplate(target).execute("drop table " + legacy);
            }
        }

        @Test
        void languagesAndHashesWithQuotesAndUnicodeSurviveTheTextColumn() {
            SyncRecord odd = SyncRecord.builder().retailerId("SKU-\"x\"").contentHash("h").syncedAt(T0)
                    .translationHash("zh_\"CN\"", "\u54c8\u5e0c\\,:{}").build();

            store.saveAll(CATALOG, List.of(odd));

            assertThat(store.find(CATALOG, List.of("SKU-\"x\"")).get("SKU-\"x\"")).isEqualTo(odd);
        }

        @Test
        void savingAgainReplacesTheRecordAndForgetsDroppedLanguages() {
            SyncRecord first = SyncRecord.builder().retailerId("SKU-1").productId("p1").contentHash("old")
                    .translationHash("fr_XX", "fr-old").translationHash("de_DE", "de-old").syncedAt(T0)
                    .warnings(1).build();
            SyncRecord second = SyncRecord.builder().retailerId("SKU-1").productId("p1").contentHash("new")
                    .translationHash("fr_XX", "fr-new").syncedAt(T0.plusSeconds(60)).build();

            store.saveAll(CATALOG, List.of(first));
            store.saveAll(CATALOG, List.of(second));

            assertThat(store.find(CATALOG, List.of("SKU-1"))).containsExactly(Map.entry("SKU-1", second));
            assertThat(store.count(CATALOG)).isEqualTo(1);
        }

        @Test
        void aRetailerIdGivenTwiceInOneCallKeepsItsLastRecord() {
            SyncRecord a = SyncRecord.builder().retailerId("SKU-1").contentHash("a").syncedAt(T0).build();
            SyncRecord b = a.toBuilder().contentHash("b").build();

            store.saveAll(CATALOG, List.of(a, b));

            assertThat(store.find(CATALOG, List.of("SKU-1")).get("SKU-1").contentHash()).isEqualTo("b");
            assertThat(store.count(CATALOG)).isEqualTo(1);
        }

        @Test
        void removeAllForgetsOnlyTheGivenIds() {
            store.saveAll(CATALOG, records(1, 5, "h"));

            store.removeAll(CATALOG, List.of(record(2, "h").retailerId(), record(4, "h").retailerId(), "unknown"));

            assertThat(store.find(CATALOG, records(1, 5, "h").stream().map(SyncRecord::retailerId).toList()))
                    .containsOnlyKeys(record(1, "h").retailerId(), record(3, "h").retailerId(),
                            record(5, "h").retailerId());
            assertThat(store.count(CATALOG)).isEqualTo(3);
        }

        @Test
        void catalogsAreIsolatedFromEachOther() {
            SyncRecord inA = SyncRecord.builder().retailerId("SKU-1").contentHash("in-a").syncedAt(T0).build();
            SyncRecord inB = SyncRecord.builder().retailerId("SKU-1").contentHash("in-b").syncedAt(T0).build();
            store.saveAll("cat-a", List.of(inA));
            store.saveAll("cat-b", List.of(inB, inB.toBuilder().retailerId("SKU-2").build()));

            store.saveAll("cat-a", List.of(inA.toBuilder().contentHash("in-a-2").build()));
            store.removeAll("cat-b", List.of("SKU-2"));
            List<String> idsOfA = new ArrayList<>();
            store.forEachRetailerId("cat-a", idsOfA::add);

            assertThat(store.find("cat-a", List.of("SKU-1")).get("SKU-1").contentHash()).isEqualTo("in-a-2");
            assertThat(store.find("cat-b", List.of("SKU-1")).get("SKU-1").contentHash()).isEqualTo("in-b");
            assertThat(store.count("cat-a")).isEqualTo(1);
            assertThat(store.count("cat-b")).isEqualTo(1);
            assertThat(store.count("cat-c")).isZero();
            assertThat(idsOfA).containsExactly("SKU-1");
        }

        @Test
        void savingAHundredThousandRecordsSendsChunkedBatchesNotOneStatementPerRecord() {
            List<SyncRecord> all = records(1, 100_000, "v1-");
            counting.reset();

            store.saveAll(CATALOG, all);

            // per chunk of 1000: one JDBC batch of key deletes, one of inserts
            assertThat(counting.executeBatch.get()).isEqualTo(200);
            assertThat(counting.executeUpdate.get()).isZero();
            assertThat(counting.addBatch.get()).isEqualTo(200_000);
            assertThat(counting.statements()).isEqualTo(200);
            assertThat(store.count(CATALOG)).isEqualTo(100_000);

            List<SyncRecord> replaced = records(50_001, 150_000, "v2-");
            counting.reset();
            store.saveAll(CATALOG, replaced);

            assertThat(counting.statements()).isEqualTo(200);
            assertThat(store.count(CATALOG)).isEqualTo(150_000);
            List<String> sample = List.of(1, 2, 50_000, 50_001, 99_999, 100_000, 100_001, 150_000).stream()
                    .map(i -> record(i, "").retailerId()).toList();
            counting.reset();
            Map<String, SyncRecord> found = store.find(CATALOG, sample);
            assertThat(counting.executeQuery.get()).isEqualTo(1);
            assertThat(found.values()).containsExactlyInAnyOrder(record(1, "v1-"), record(2, "v1-"),
                    record(50_000, "v1-"), record(50_001, "v2-"), record(99_999, "v2-"), record(100_000, "v2-"),
                    record(100_001, "v2-"), record(150_000, "v2-"));
        }

        @Test
        void findAndRemoveAllOfManyIdsAreChunkedToo() {
            store.saveAll(CATALOG, records(1, 2_500, "h"));
            List<String> ids = IntStream.rangeClosed(1, 3_000).mapToObj(i -> record(i, "").retailerId()).toList();

            counting.reset();
            Map<String, SyncRecord> found = store.find(CATALOG, ids);
            assertThat(counting.executeQuery.get()).isEqualTo(3);
            assertThat(found).hasSize(2_500);

            counting.reset();
            store.removeAll(CATALOG, ids);
            assertThat(counting.executeBatch.get()).isEqualTo(3);
            assertThat(counting.statements()).isEqualTo(3);
            assertThat(store.count(CATALOG)).isZero();
        }

        @Test
        void retailerIdsOfALargeCatalogArriveInPagesAndNeverAllAtOnce() {
            store.saveAll(CATALOG, records(1, 25_000, "h"));
            store.saveAll("other", records(1, 10, "h"));
            JdbcSyncStateStore paged = new JdbcSyncStateStore(counting.dataSource(), table, 1000);
            Set<String> seen = new HashSet<>();
            AtomicLong consumed = new AtomicLong();
            AtomicLong mostAhead = new AtomicLong();
            counting.reset();

            paged.forEachRetailerId(CATALOG, id -> {
                seen.add(id);
                long ahead = counting.rowsRead.get() - consumed.incrementAndGet();
                mostAhead.accumulateAndGet(ahead, Math::max);
            });

            assertThat(consumed.get()).isEqualTo(25_000);
            assertThat(seen).hasSize(25_000).contains(record(1, "").retailerId(), record(25_000, "").retailerId());
            // 25 full pages, then one that comes back empty
            assertThat(counting.executeQuery.get()).isEqualTo(26);
            assertThat(mostAhead.get()).isLessThan(1000);
        }

        @Test
        void theConsumerMayWriteToTheStoreWhileIdsArePaged() {
            store.saveAll(CATALOG, records(1, 30, "h"));
            JdbcSyncStateStore paged = new JdbcSyncStateStore(target, table, 7);
            List<String> seen = new ArrayList<>();

            paged.forEachRetailerId(CATALOG, id -> {
                seen.add(id);
                paged.removeAll(CATALOG, List.of(id));
            });

            assertThat(seen).hasSize(30).doesNotHaveDuplicates();
            assertThat(paged.count(CATALOG)).isZero();
        }

        @Test
        void aMissingTableIsNamedInTheError() {
            JdbcSyncStateStore missing = new JdbcSyncStateStore(target, "no_such_ledger");
            assertThatThrownBy(() -> missing.count(CATALOG))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no_such_ledger")
                    .hasMessageContaining("meta.commerce.sync.jdbc-ledger.enabled=false");
        }

        @Test
        void badArgumentsAreNamed() {
            assertThatThrownBy(() -> store.find(" ", List.of("a")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalogId");
            assertThatThrownBy(() -> store.saveAll(CATALOG, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records");
            assertThatThrownBy(() -> store.removeAll(CATALOG, java.util.Arrays.asList("a", null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retailerIds");
            assertThatThrownBy(() -> new JdbcSyncStateStore(target, "ledger; drop table users"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
            assertThatThrownBy(() -> new JdbcSyncStateStore(target, table, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
            assertThat(store.find(CATALOG, List.of())).isEmpty();
        }

        @Test
        void keepsTranslationHashes() {
            assertThat(store.keepsTranslationHashes()).isTrue();
        }

        // ---- a real sync against the Graph sandbox with this ledger

        private final VirtualTime time = VirtualTime.startingAt(Instant.now())
                .onAdvance(d -> sandbox.sandbox().advanceClock(d));

        private CatalogSync sync(SyncStateStore ledger) {
            MetaCommerceClient client = MetaCommerceClient.builder().appId(sandbox.appId())
                    .appSecret(sandbox.appSecret()).graphBaseUrl(sandbox.baseUrl()).clock(time.clock())
                    .retry(RetrySettings.none()).build();
            StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("EUR").build();
            return CatalogSync.builder().graph(client.graph(sandbox.mintUserToken()))
                    .catalogId(GraphSandbox.CATALOG_ID).transformer(ProductTransformer.of(settings)).stateStore(ledger)
                    .options(SyncOptions.builder().batchCallsPerMinute(1000).maxRequestsPerCall(10)
                            .statusPollInitial(Duration.ofMillis(100)).statusPollMax(Duration.ofSeconds(1)).build())
                    .clock(time.clock()).sleeper(time.sleeper()).build();
        }

        private static Product product(int i, String price) {
            Product.Builder b = Product.builder().productId("p" + i).sku("SKU-" + i).name("Trail tent " + i)
                    .description("Sleeps two").imageUrls("/img/" + i + ".jpg").slug("tent-" + i).brand("Acme")
                    .price(new BigDecimal(price));
            if (i % 3 == 0) {
                b.translation(Locale.FRENCH, ProductTranslation.of("Tente " + i, "Pour deux"));
            }
            return b.build();
        }

        private static List<Product> products(int n) {
            return IntStream.rangeClosed(1, n).mapToObj(i -> product(i, "100.00")).toList();
        }

        @Test
        void aCatalogSyncSkipsUnchangedItemsAndFullModeDeletesARemovedProduct() {
            sandbox.reset();
            String itemsBatch = "POST /{v}/{id}/items_batch";
            String localizedBatch = "POST /{v}/{id}/localized_items_batch";

            SyncReport first = sync(store).sync(products(25).stream(), SyncRequest.full());
            long itemCalls = sandbox.sandbox().callCount(itemsBatch);
            long translationCalls = sandbox.sandbox().callCount(localizedBatch);
            assertThat(first.outcome()).isEqualTo(SyncOutcome.COMPLETED);
            assertThat(first.counts().created()).isEqualTo(25);
            assertThat(store.count(GraphSandbox.CATALOG_ID)).isEqualTo(25);
            assertThat(store.find(GraphSandbox.CATALOG_ID, List.of("SKU-3")).get("SKU-3").translationHashes())
                    .containsOnlyKeys("fr_XX");
            assertThat(translationCalls).isPositive();

            // a new store object on the same table: what a restart or a second instance sees
            JdbcSyncStateStore reopened = new JdbcSyncStateStore(target, table);
            SyncReport second = sync(reopened).sync(products(25).stream(), SyncRequest.full());
            assertThat(second.outcome()).isEqualTo(SyncOutcome.COMPLETED);
            assertThat(second.counts().unchanged()).isEqualTo(25);
            assertThat(second.counts().translationsUnchanged()).isEqualTo(8);
            assertThat(sandbox.sandbox().callCount(itemsBatch)).isEqualTo(itemCalls);
            assertThat(sandbox.sandbox().callCount(localizedBatch)).isEqualTo(translationCalls);

            List<Product> changed = new ArrayList<>(products(5));
            changed.set(1, product(2, "120.00"));
            SyncReport incremental = sync(reopened).sync(changed.stream(), SyncRequest.incremental());
            assertThat(incremental.counts().updated()).isEqualTo(1);
            assertThat(incremental.counts().unchanged()).isEqualTo(4);
            assertThat(incremental.counts().deleted()).isZero();
            assertThat(sandbox.sandbox().callCount(itemsBatch)).isEqualTo(itemCalls + 1);

            SyncReport full = sync(reopened).sync(products(25).stream().filter(p -> !p.productId().equals("p7")),
                    SyncRequest.full());
            assertThat(full.outcome()).isEqualTo(SyncOutcome.COMPLETED);
            assertThat(full.counts().deleted()).isEqualTo(1);
            assertThat(full.counts().updated()).isEqualTo(1);
            assertThat(sandbox.sandbox().itemCount(GraphSandbox.CATALOG_ID)).isEqualTo(24);
            assertThat(store.count(GraphSandbox.CATALOG_ID)).isEqualTo(24);
            assertThat(store.find(GraphSandbox.CATALOG_ID, List.of("SKU-7"))).isEmpty();
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource open() {
            return new DriverManagerDataSource("jdbc:h2:mem:ledger" + UUID.randomUUID().toString().replace("-", "")
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
        }

        @Override
        String ddlResource() {
            return "io/github/metacommerce/spring/jdbc/ledger-h2.sql";
        }

        @Override
        void close() {
            if (target != null) {
                new JdbcTemplate(target).execute("shutdown");
            }
        }
    }

    /**
     * Tagged {@code postgresql}: the module's build leaves it out unless {@code ledger.test.postgres.url} or
     * {@code spring.datasource.url} is set, and the assumption skips it when run without one anyway.
     */
    @Nested
    @Tag("postgresql")
    class OnPostgreSql extends Contract {
        private HikariDataSource pool;

        @Override
        DataSource open() {
            String url = System.getProperty("ledger.test.postgres.url", "");
            if (url.isBlank() && System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
                url = System.getProperty("spring.datasource.url");
            }
            assumeTrue(!url.isBlank(), "no PostgreSQL given (-Dledger.test.postgres.url=jdbc:postgresql://...)");
            pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            pool.setUsername(System.getProperty("ledger.test.postgres.user",
                    System.getProperty("spring.datasource.username", "postgres")));
            pool.setPassword(System.getProperty("ledger.test.postgres.password",
                    System.getProperty("spring.datasource.password", "")));
            pool.setMaximumPoolSize(4);
            return pool;
        }

        @Override
        String ddlResource() {
            return "io/github/metacommerce/spring/jdbc/ledger-postgresql.sql";
        }

        @Override
        void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }

    @Test
    void theShippedDdlFilesDefineTheSameTableAndKey() throws Exception {
        String h2 = new ClassPathResource("io/github/metacommerce/spring/jdbc/ledger-h2.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String pg = new ClassPathResource("io/github/metacommerce/spring/jdbc/ledger-postgresql.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        for (String ddl : List.of(h2, pg)) {
            assertThat(ddl).contains("create table " + JdbcSyncStateStore.DEFAULT_TABLE)
                    .contains("primary key (catalog_id, retailer_id)")
                    .contains("retailer_id", "product_id", "content_hash", "translation_hashes", "synced_at",
                            "warnings")
                    .contains("fingerprint         varchar(" + JdbcSyncStateStore.MAX_FINGERPRINT + "),");
        }
    }
}
