/**
 * The Graph sandbox: a local, embeddable stand-in for the part of Meta's Graph API that catalog sync uses. Start
 * it with {@link io.github.metacommerce.sandbox.GraphSandbox}, from the command line with
 * {@link io.github.metacommerce.sandbox.Main}, or in tests with {@link io.github.metacommerce.sandbox.SandboxExtension}.
 */
package io.github.metacommerce.sandbox;
