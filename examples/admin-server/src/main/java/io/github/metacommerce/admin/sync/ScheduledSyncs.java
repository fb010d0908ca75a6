package io.github.metacommerce.admin.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the recurring "scheduled-syncs" task does each minute: queues a FULL run for every store whose schedule is
 * due (claimed in the database, so one instance queues it), and makes sure every unfinished run has its
 * db-scheduler task (a run whose task vanished, say after a crash between two writes, gets it back).
 */
@Component
class ScheduledSyncs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);
    /** A queued run older than this without a task, or a running one silent this long, is looked after. */
    static final Duration STALE = Duration.ofMinutes(2);

    private final StoreSettingsTable settings;
    private final SyncQueue queue;
    private final JdbcClient jdbc;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    ScheduledSyncs(StoreSettingsTable settings, SyncQueue queue, JdbcClient jdbc,
            ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Queues the due runs.
     *
     * @return how many runs were queued
     */
    int runDue() {
        Instant now = clock.instant();
        int queued = 0;
        for (StoreSettingsTable.Due due : settings.due(now)) {
            Optional<Instant> next = due.schedule().nextRunAfter(now);
            if (!settings.advance(due.storeId(), due.dueAt(), next)) {
                continue; // another instance claimed it
            }
            try {
                SyncQueue.Enqueued e = queue.enqueue(due.storeId(), new SyncQueue.Request("scheduled",
                        SyncMode.FULL, List.of(), false, Optional.empty()));
                if (e.created()) {
                    queued++;
                } else {
                    log.info("Store {}: scheduled sync skipped, run {} is still {}", due.storeId(), e.job().id(),
                            e.job().status());
                }
            } catch (ApiException e) {
                log.info("Store {}: scheduled sync skipped: {}", due.storeId(), e.getMessage());
            }
        }
        return queued;
    }

    /**
     * Gives every unfinished run whose task is missing a task again.
     *
     * @return how many tasks were scheduled
     */
    int reviveOrphans() {
        Instant stale = clock.instant().minus(STALE);
        List<String> ids = jdbc.sql("select id from sync_runs where (status = 'queued' and queued_at < ?) "
                        + "or (status = 'running' and progress_at < ?)")
                .params(Db.ts(stale), Db.ts(stale)).query(String.class).list();
        int scheduled = 0;
        for (String id : ids) {
            if (scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(SyncQueue.TASK, id),
                    clock.instant())) {
                log.warn("Sync run {} had no task (its instance stopped between two writes); scheduled it again", id);
                scheduled++;
            }
        }
        return scheduled;
    }
}
