package io.github.metacommerce.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * How a sandbox behaves.
 *
 * @param port the port, 0 for any free one
 * @param appId the one app the sandbox knows
 * @param appSecret its secret
 * @param appName its name, shown on the consent page
 * @param redirectUris allowed redirect URIs; when not empty the dialog demands an exact match (Strict Mode)
 * @param autoApprove whether the dialog redirects back with a code at once, for scripts
 * @param batchCallsPerMinute batch calls allowed per catalog per rolling minute (Meta's floor is 8)
 * @param batchProcessingDelay how long a batch stays in progress
 * @param requireAppSecretProof whether calls without {@code appsecret_proof} are refused
 * @param appCallsPerHour the app budget behind {@code X-App-Usage} percentages
 */
public record SandboxSettings(
        int port,
        String appId,
        String appSecret,
        String appName,
        List<String> redirectUris,
        boolean autoApprove,
        int batchCallsPerMinute,
        Duration batchProcessingDelay,
        boolean requireAppSecretProof,
        int appCallsPerHour) {

    /** Validates the settings. */
    public SandboxSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (appId == null || appId.isBlank() || appId.contains("|")) {
            throw new IllegalArgumentException("appId must not be blank or contain '|'");
        }
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("appSecret must not be blank");
        }
        appName = appName == null || appName.isBlank() ? "Sandbox App" : appName;
        redirectUris = List.copyOf(redirectUris);
        if (batchCallsPerMinute < 1) {
            throw new IllegalArgumentException("batchCallsPerMinute must be at least 1, was " + batchCallsPerMinute);
        }
        if (batchProcessingDelay == null || batchProcessingDelay.isNegative()) {
            throw new IllegalArgumentException("batchProcessingDelay must be zero or positive");
        }
        if (appCallsPerHour < 1) {
            throw new IllegalArgumentException("appCallsPerHour must be at least 1");
        }
    }
}
