package io.github.metacommerce.admin.system;

/**
 * A setting the server cannot start with. Boot prints it as "APPLICATION FAILED TO START" with the property, the
 * environment variable and what to do.
 */
public final class InvalidSettingException extends RuntimeException {
    private final String property;
    private final String environmentVariable;
    private final String action;

    /**
     * Creates the failure.
     *
     * @param property the property, such as {@code admin.encryption.key}
     * @param environmentVariable the environment variable that sets it
     * @param problem what is wrong
     * @param action what to do
     */
    public InvalidSettingException(String property, String environmentVariable, String problem, String action) {
        super(problem + " (property " + property + ", environment variable " + environmentVariable + ")");
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.action = action;
    }

    /** @return the property */
    public String property() {
        return property;
    }

    /** @return the environment variable */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** @return what to do */
    public String action() {
        return action;
    }
}
