/**
 * The SDK's plumbing (JSON, HTTP, error mapping, paging, pacing helpers). <strong>Not API:</strong> anything here
 * may change or disappear in any release without notice. The package is not exported from the
 * {@code io.github.metacommerce.sdk} module, and no public API signature mentions its types; use the exported
 * packages instead.
 */
package io.github.metacommerce.internal;
