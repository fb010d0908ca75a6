package io.github.metacommerce.admin.sync;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.github.metacommerce.admin.connection.TokenCheck;
import io.github.metacommerce.spring.MetaCommerceClientCustomizer;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background work, as db-scheduler tasks (in the database, so it survives restarts and runs once across the
 * cluster): one one-time task per sync run, and recurring tasks for schedules, "sync on change" and the daily
 * token check.
 */
@Configuration(proxyBeanMethods = false)
class SyncTasks {

    /** A run's task; revived on another instance when its instance stops sending heartbeats. */
    @Bean
    OneTimeTask<Void> syncRunTask(SyncRunner runner) {
        return Tasks.oneTime(SyncQueue.TASK).onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(instance.getId()));
    }

    @Bean
    RecurringTask<Void> scheduledSyncsTask(ScheduledSyncs syncs,
            @Value("${admin.sync.schedule-check-interval:1m}") Duration every) {
        return Tasks.recurring("scheduled-syncs", Schedules.fixedDelay(every)).execute((instance, context) -> {
            syncs.runDue();
            syncs.reviveOrphans();
        });
    }

    @Bean
    RecurringTask<Void> changeSyncsTask(ChangeSync changes,
            @Value("${admin.sync.change-check-interval:2s}") Duration every) {
        return Tasks.recurring("change-syncs", Schedules.fixedDelay(every))
                .execute((instance, context) -> changes.runDue());
    }

    @Bean
    RecurringTask<Void> tokenCheckTask(TokenCheck check,
            @Value("${admin.sync.token-check-at:04:00}") LocalTime at) {
        return Tasks.recurring("token-check", Schedules.daily(at)).execute((instance, context) -> check.checkAll());
    }

    /** The SDK waits (back-off, rate limit) through a sleeper that a cancelled run wakes up at once. */
    @Bean
    MetaCommerceClientCustomizer cancellableWaits() {
        return builder -> builder.sleeper(RunControl.SLEEPER);
    }
}
