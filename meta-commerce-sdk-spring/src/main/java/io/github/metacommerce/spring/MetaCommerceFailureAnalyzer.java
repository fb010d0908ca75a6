package io.github.metacommerce.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MetaCommerceConfigurationException} at startup into Spring Boot's "APPLICATION FAILED TO START"
 * report: the Description names the property and what is wrong, the Action the property or environment variable
 * to set. Registered in {@code META-INF/spring.factories}.
 */
final class MetaCommerceFailureAnalyzer extends AbstractFailureAnalyzer<MetaCommerceConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MetaCommerceConfigurationException cause) {
        return new FailureAnalysis(cause.problem(), cause.action(), cause);
    }
}
