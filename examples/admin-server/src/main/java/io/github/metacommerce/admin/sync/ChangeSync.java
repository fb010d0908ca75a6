package io.github.metacommerce.admin.sync;

import io.github.metacommerce.admin.product.Products;
import io.github.metacommerce.admin.product.ProductsChanged;
import io.github.metacommerce.admin.settings.StoreSettingsTable;
import io.github.metacommerce.admin.system.ApiException;
import io.github.metacommerce.admin.system.Db;
import io.github.metacommerce.sync.SyncMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Sync on change": a product change is written to {@code sync_pending_changes} (in the transaction of the change,
 * so a rolled-back import queues nothing), and the recurring "change-syncs" task queues one run per store once
 * its changes have been quiet for the debounce time (or waited the longest allowed). Changed products go as an
 * INCREMENTAL run of just them; a deletion makes it a FULL run, which deletes at Meta what the store no longer has.
 */
@Component
class ChangeSync {
    private static final Logger log = LoggerFactory.getLogger(ChangeSync.class);
    private static final int BATCH = 1000;

    private final StoreSettingsTable settings;
    private final Products products;
    private final SyncQueue queue;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final Duration debounce;
    private final Duration maxDelay;

    ChangeSync(StoreSettingsTable settings, Products products, SyncQueue queue, JdbcClient jdbc,
            JdbcTemplate template, Clock clock, @Value("${admin.sync.change-debounce:5s}") Duration debounce,
            @Value("${admin.sync.change-max-delay:1m}") Duration maxDelay) {
        this.settings = settings;
        this.products = products;
        this.queue = queue;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.debounce = debounce;
        this.maxDelay = maxDelay;
    }

    @EventListener
    void on(ProductsChanged change) {
        if (change.productIds().isEmpty() || !settings.find(change.storeId()).syncOnChange()) {
            return;
        }
        Instant now = clock.instant();
        List<String> ids = List.copyOf(change.productIds());
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + BATCH));
            template.batchUpdate("update sync_pending_changes set changed_at = ? where store_id = ? and product_id = ?",
                    chunk, chunk.size(), (ps, id) -> {
                        ps.setObject(1, Db.ts(now));
                        ps.setLong(2, change.storeId());
                        ps.setString(3, id);
                    });
            template.batchUpdate("insert into sync_pending_changes (store_id, product_id, changed_at) values (?, ?, ?) "
                            + "on conflict do nothing",
                    chunk, chunk.size(), (ps, id) -> {
                        ps.setLong(1, change.storeId());
                        ps.setString(2, id);
                        ps.setObject(3, Db.ts(now));
                    });
        }
    }

    /**
     * Queues a run for every store whose changes are due.
     *
     * @return how many runs were queued
     */
    int runDue() {
        Instant now = clock.instant();
        List<Long> stores = jdbc.sql("select store_id from sync_pending_changes group by store_id "
                        + "having max(changed_at) <= ? or min(changed_at) <= ?")
                .params(Db.ts(now.minus(debounce)), Db.ts(now.minus(maxDelay))).query(Long.class).list();
        int queued = 0;
        for (long storeId : stores) {
            if (fire(storeId, now)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean fire(long storeId, Instant now) {
        List<String> ids = jdbc.sql("select product_id from sync_pending_changes where store_id = ? and changed_at <= ? "
                        + "order by product_id limit ?")
                .params(storeId, Db.ts(now), SyncQueue.MAX_SUBSET + 1).query(String.class).list();
        if (ids.isEmpty()) {
            return false;
        }
        boolean deletions = products.count(storeId, ids) < ids.size();
        boolean many = ids.size() > SyncQueue.MAX_SUBSET;
        SyncQueue.Request request = deletions
                ? new SyncQueue.Request("change", SyncMode.FULL, List.of(), false, Optional.empty())
                : new SyncQueue.Request("change", SyncMode.INCREMENTAL, many ? List.of() : ids, false,
                        Optional.empty());
        try {
            SyncQueue.Enqueued e = queue.enqueue(storeId, request);
            if (!e.created()) {
                log.debug("Store {}: changed products wait for run {} to end", storeId, e.job().id());
                return false;
            }
        } catch (ApiException e) {
            // not connected or no catalog: the first sync after connecting sends everything anyway
            log.info("Store {}: {} changed products not synced: {}", storeId, ids.size(), e.getMessage());
        }
        if (many || deletions) {
            jdbc.sql("delete from sync_pending_changes where store_id = ? and changed_at <= ?")
                    .params(storeId, Db.ts(now)).update();
        } else {
            jdbc.sql("delete from sync_pending_changes where store_id = :store and changed_at <= :at and product_id in "
                            + "(:ids)")
                    .param("store", storeId).param("at", Db.ts(now)).param("ids", ids).update();
        }
        return true;
    }
}
