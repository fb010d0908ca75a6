package io.github.metacommerce.admin.system;

import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A failure the admin server answers in its JSON error shape {@code {error, category, code}} (plus {@code field}
 * for bad input). The message is written for a merchant and never carries a token or a secret.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String category;
    private final String code;
    private final Optional<String> field;

    /**
     * Creates the failure.
     *
     * @param status the HTTP status
     * @param category one of the contract's categories, such as {@code catalog_error}
     * @param code a stable machine code
     * @param field the request field or parameter at fault, when there is one
     * @param message the message for the merchant
     */
    public ApiException(HttpStatus status, String category, String code, Optional<String> field, String message) {
        super(message);
        this.status = Objects.requireNonNull(status, "status");
        this.category = Objects.requireNonNull(category, "category");
        this.code = Objects.requireNonNull(code, "code");
        this.field = Objects.requireNonNull(field, "field");
    }

    /**
     * Bad input in a named field: 400, {@code unknown_error} category as the contract has no input category.
     *
     * @param field the field or parameter
     * @param message what is wrong and how to fix it
     * @return the failure
     */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "unknown_error", "invalid_" + snake(field),
                Optional.of(field), message);
    }

    /**
     * Requires a non-blank text field of a request body.
     *
     * @param value the field's value, or {@code null} when it (or the whole body) is missing
     * @param field the field's name, for the message
     * @return the value, trimmed
     * @throws ApiException 400 naming the field when it is missing or blank
     */
    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw badRequest(field, "Field '" + field + "' is required.");
        }
        return value.trim();
    }

    /** The largest page a list route answers. */
    public static final int MAX_PAGE_SIZE = 200;

    /**
     * Checks the paging parameters of a list route.
     *
     * @param page the page, from 0
     * @param size the page size, 1 to {@link #MAX_PAGE_SIZE}
     * @throws ApiException 400 naming {@code page} or {@code size}
     */
    public static void requirePage(int page, int size) {
        if (page < 0) {
            throw badRequest("page", "Parameter 'page' must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw badRequest("size", "Parameter 'size' must be from 1 to " + MAX_PAGE_SIZE + ".");
        }
    }

    /**
     * A request that is valid JSON but cannot be done in the current state, such as listing catalogs before a
     * business is selected.
     *
     * @param category the category
     * @param code the machine code
     * @param message the message
     * @return the failure
     */
    public static ApiException precondition(String category, String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, category, code, Optional.empty(), message);
    }

    /**
     * A resource that does not exist for this store (or is another store's).
     *
     * @param what what was looked for
     * @return the failure
     */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "unknown_error", "not_found", Optional.empty(),
                what + " was not found.");
    }

    /**
     * The signed-in user may not do this in this store.
     *
     * @param message the message
     * @return the failure
     */
    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "permission_error", "forbidden", Optional.empty(), message);
    }

    /**
     * The contract's category string for one of the SDK's error categories.
     *
     * @param category the SDK's category
     * @return {@code authentication_error}, {@code permission_error}, {@code catalog_error}, {@code product_error},
     *     {@code rate_limit_error}, {@code network_error} or {@code unknown_error}
     */
    public static String categoryOf(io.github.metacommerce.exception.ErrorCategory category) {
        return switch (category) {
            case AUTH -> "authentication_error";
            case PERMISSION -> "permission_error";
            case CATALOG -> "catalog_error";
            case PRODUCT -> "product_error";
            case RATE_LIMIT -> "rate_limit_error";
            case NETWORK -> "network_error";
            default -> "unknown_error";
        };
    }

    /**
     * What the merchant is told of a failed Meta call (the SDK's messages are already free of tokens).
     *
     * @param e the failure
     * @return the message
     */
    public static String merchantMessage(io.github.metacommerce.exception.MetaCommerceException e) {
        return switch (e.category()) {
            case AUTH -> "Meta no longer accepts this store's connection. Reconnect with Facebook.";
            case PERMISSION -> "The connected Facebook account lacks a permission this needs: " + e.getMessage();
            case RATE_LIMIT -> "Meta's rate limit was reached; try again in a few minutes.";
            case NETWORK -> "Meta could not be reached: " + e.getMessage();
            default -> "Meta refused the request: " + e.getMessage();
        };
    }

    /**
     * What a page shows for a failure it can explain: the message of an {@link ApiException}, or of a failed Meta
     * call.
     *
     * @param e the failure
     * @return the message
     * @throws RuntimeException {@code e} itself when it is neither
     */
    public static String pageMessage(RuntimeException e) {
        if (e instanceof ApiException api) {
            return api.getMessage();
        }
        if (e instanceof io.github.metacommerce.exception.MetaCommerceException meta) {
            return merchantMessage(meta);
        }
        throw e;
    }

    /** @return the HTTP status */
    public HttpStatus status() {
        return status;
    }

    /** @return the category string */
    public String category() {
        return category;
    }

    /** @return the machine code */
    public String code() {
        return code;
    }

    /** @return the field at fault, if any */
    public Optional<String> field() {
        return field;
    }

    private static String snake(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toLowerCase();
    }
}
