package io.github.metacommerce.spring;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@code meta.commerce.*} property is missing or invalid. It names the property and the environment variable
 * that can set it; at startup {@link MetaCommerceFailureAnalyzer} turns it into Spring Boot's
 * "APPLICATION FAILED TO START" report with a Description and an Action.
 */
public final class MetaCommerceConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The property that is missing or invalid. */
    private final String property;
    /** The environment variable that can set it. */
    private final String environmentVariable;
    /** What is wrong. */
    private final String problem;
    /** What to do about it. */
    private final String action;

    private MetaCommerceConfigurationException(String property, String environmentVariable, String problem,
            String action, Throwable cause) {
        super(problem + " " + action, cause);
        this.property = Objects.requireNonNull(property, "property");
        this.environmentVariable = Objects.requireNonNull(environmentVariable, "environmentVariable");
        this.problem = problem;
        this.action = action;
    }

    /**
     * A required property is not set.
     *
     * @param property e.g. {@code meta.commerce.app-id}
     * @param environmentVariable e.g. {@code META_APP_ID}
     * @param what what to set it to, e.g. "your Meta app id (App Dashboard > Settings > Basic)"
     * @return the exception
     */
    static MetaCommerceConfigurationException missing(String property, String environmentVariable, String what) {
        return new MetaCommerceConfigurationException(property, environmentVariable,
                "Property " + property + " is not set.",
                "Set it (or the environment variable " + environmentVariable + ") to " + what + ".", null);
    }

    /**
     * A property has a value the SDK refuses.
     *
     * @param property the property
     * @param environmentVariable the environment variable that can set it
     * @param problem what is wrong, e.g. the SDK's validation message
     * @param cause the SDK's exception, or {@code null}
     * @return the exception
     */
    static MetaCommerceConfigurationException invalid(String property, String environmentVariable, String problem,
            Throwable cause) {
        return new MetaCommerceConfigurationException(property, environmentVariable,
                "Invalid " + property + " configuration: " + problem,
                "Correct " + property + " (or the environment variable " + environmentVariable
                        + ") in your application properties or environment.", cause);
    }

    /**
     * Returns the environment variable Spring Boot's relaxed binding reads for a property:
     * {@code meta.commerce.sync.max-requests-per-call} is {@code META_COMMERCE_SYNC_MAX_REQUESTS_PER_CALL}.
     *
     * @param property the property
     * @return the environment variable's name
     */
    static String environmentVariableOf(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * Returns the property that is missing or invalid.
     *
     * @return e.g. {@code meta.commerce.app-id}
     */
    public String property() {
        return property;
    }

    /**
     * Returns the environment variable that can set the property.
     *
     * @return e.g. {@code META_APP_ID}
     */
    public String environmentVariable() {
        return environmentVariable;
    }

    /**
     * Returns what is wrong.
     *
     * @return e.g. "Property meta.commerce.app-id is not set."
     */
    public String problem() {
        return problem;
    }

    /**
     * Returns what to do about it.
     *
     * @return e.g. "Set it (or the environment variable META_APP_ID) to your Meta app id ..."
     */
    public String action() {
        return action;
    }
}
