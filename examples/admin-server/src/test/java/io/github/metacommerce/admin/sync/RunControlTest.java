package io.github.metacommerce.admin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.sync.SyncProgress;
import io.github.metacommerce.sync.SyncStage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The progress bar moves while products are read and again as the items seen are settled (Meta confirms them). */
class RunControlTest {
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private final RunControl control = new RunControl("job-1", null, Clock.fixed(NOW, ZoneOffset.UTC), 200);

    @Test
    void readingFillsHalfTheBarAndConfirmationsTheRest() {
        assertThat(percent(SyncStage.TRANSFORMING, 100)).isEqualTo(25);
        assertThat(percent(SyncStage.TRANSFORMING, 200)).isEqualTo(50);
        assertThat(percent(SyncStage.UPLOADING, 200)).isEqualTo(50);
        SyncRuns.Progress waiting = control.snapshot(progress(SyncStage.CONFIRMING, 200));
        assertThat(waiting.percent()).isEqualTo(50);
        assertThat(waiting.message()).contains("0 of 200 items done so far");

        assertThat(control.snapshot(progress(SyncStage.CONFIRMING, 200, 100)).percent()).isEqualTo(74);
        SyncRuns.Progress almost = control.snapshot(progress(SyncStage.CONFIRMING, 200, 200));
        assertThat(almost.percent()).as("never 100 before the run is done").isEqualTo(99);
        assertThat(almost.message()).contains("200 of 200 items done so far");
        assertThat(percent(SyncStage.DONE, 200)).isEqualTo(100);
    }

    @Test
    void theBarNeverGoesBack() {
        assertThat(percent(SyncStage.TRANSFORMING, 150)).isEqualTo(37);
        // a later batch: more items seen than confirmed
        assertThat(percent(SyncStage.UPLOADING, 400)).isEqualTo(37);
        assertThat(percent(SyncStage.READING, 0)).isEqualTo(37);
    }

    private int percent(SyncStage stage, long done) {
        return control.snapshot(progress(stage, done)).percent();
    }

    private static SyncProgress progress(SyncStage stage, long done) {
        return progress(stage, done, 0);
    }

    private static SyncProgress progress(SyncStage stage, long done, long settled) {
        return SyncProgress.builder().syncId("job-1").stage(stage).done(done).settled(settled).build();
    }
}
