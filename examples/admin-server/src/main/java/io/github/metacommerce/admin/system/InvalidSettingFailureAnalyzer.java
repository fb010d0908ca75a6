package io.github.metacommerce.admin.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an {@link InvalidSettingException} as Boot's "Description / Action" block. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                cause.action() + " Set the environment variable " + cause.environmentVariable() + " (or the property "
                        + cause.property() + ").", cause);
    }
}
