package io.github.metacommerce.admin.product;

import java.util.Objects;

/**
 * The file as a whole cannot be imported: nothing in it is used. Bad values in single rows never throw; they are
 * listed in {@link ImportResult#problems()}. The message is written for the merchant who uploaded the file.
 *
 * <pre>{@code
 * try {
 *     ImportResult result = importer.read(upload);
 * } catch (ImportFileException e) {
 *     int status = e.reason().httpStatus(); // 400 or 413
 *     String message = e.getMessage();       // e.g. "The file is not UTF-8 text ..."
 * }
 * }</pre>
 */
public final class ImportFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the file was refused, each with the HTTP status an upload route answers. */
    public enum Reason {
        /** The file has no header row (or nothing at all). */
        EMPTY_FILE(400),
        /** The bytes are not UTF-8 (for example a spreadsheet saved as Windows-1252 or UTF-16). */
        NOT_UTF8(400),
        /** A quoted CSV value is never closed, or text follows a closing quote. */
        BROKEN_QUOTING(400),
        /** A file starting with {@code [} is not a well-formed JSON array of objects. */
        BROKEN_JSON(400),
        /** The header row matches none of the formats. */
        UNKNOWN_FORMAT(400),
        /** The file is larger than the configured limit. */
        TOO_LARGE(413);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /**
         * Returns the HTTP status for this reason.
         *
         * @return 400, or 413 for {@link #TOO_LARGE}
         */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;

    ImportFileException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    ImportFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why the file was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
