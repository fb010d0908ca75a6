package io.github.metacommerce.spring;

import io.github.metacommerce.MetaCommerceClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics for Graph calls and syncs ({@link MetaCommerceMetrics}), with Micrometer on the classpath and
 * a {@link MeterRegistry} in the context.
 *
 * <p>It runs after the Spring Boot auto-configurations that create the application's registry (the simple,
 * composite and every export registry; named by class name, so none of them needs to be present), so that
 * {@code @ConditionalOnBean(MeterRegistry.class)} sees Boot's registry and not only one the application declares
 * itself. The client picks the metrics up as a {@link io.github.metacommerce.graph.GraphCallListener} and the
 * {@link CatalogSyncFactory} as its report listener.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
}, after = MetaCommerceAutoConfiguration.class)
@ConditionalOnClass({MetaCommerceClient.class, MeterRegistry.class})
public final class MetaCommerceMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does this. */
    public MetaCommerceMetricsAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MeterRegistry.class)
    MetaCommerceMetrics metaCommerceMetrics(MeterRegistry registry) {
        return new MetaCommerceMetrics(registry);
    }
}
