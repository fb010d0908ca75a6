package io.github.metacommerce.product;

/** How serious a validation issue is. */
public enum Severity {
    /** The item cannot be sent as it is; it is reported and skipped. */
    ERROR,
    /** The item is sent, but the merchant should fix this (Meta may limit how it is shown). */
    WARNING
}
