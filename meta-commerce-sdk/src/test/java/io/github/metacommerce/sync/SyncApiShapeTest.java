package io.github.metacommerce.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync's value types can gain a component without breaking callers: no record, no public constructor. */
class SyncApiShapeTest {
    static final List<Class<?>> VALUE_TYPES = List.of(SyncReport.class, SyncCounts.class, SyncOptions.class,
            SyncRequest.class, SyncProgress.class, SyncIssue.class, SyncRecord.class, SyncIssueGroup.class);

    @Test
    void valueTypesAreFinalClassesWithoutPublicConstructors() {
        for (Class<?> type : VALUE_TYPES) {
            assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isFalse();
            assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type.getSimpleName()).isTrue();
            assertThat(Arrays.stream(type.getDeclaredConstructors()).filter(c -> Modifier.isPublic(c.getModifiers())))
                    .as("public constructors of %s", type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void buildersKeepValueSemantics() {
        SyncCounts counts = SyncCounts.builder().itemsSeen(2).created(1).failed(1).build();
        assertThat(counts).isEqualTo(counts.toBuilder().build()).hasSameHashCodeAs(counts.toBuilder().build());
        assertThat(counts.toBuilder().created(2).build()).isNotEqualTo(counts);
        assertThat(counts.toString()).contains("itemsSeen=2, created=1");
        assertThat(counts.isBalanced()).isTrue();
        assertThat(SyncOptions.defaults()).isEqualTo(SyncOptions.builder().build());
        assertThat(SyncRequest.full()).isNotEqualTo(SyncRequest.incremental());
    }
}
