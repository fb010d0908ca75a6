package io.github.metacommerce.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A Meta Business (business portfolio) the merchant can act for, from {@code GET /me/businesses}.
 */
public final class Business {
    private final String id;
    private final String name;
    private final Optional<String> verificationStatus;

    /** Validates the components. */
    private Business(String id, String name, Optional<String> verificationStatus) {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(verificationStatus, "verificationStatus");
        this.id = id;
        this.name = name;
        this.verificationStatus = verificationStatus;
    }

    /**
     * Creates a {@code Business}.
     *
     * @param id the business id
     * @param name the business name
     * @param verificationStatus Meta's {@code verification_status}, e.g. {@code verified}, when sent
     * @return the value
     */
    public static Business of(String id, String name, Optional<String> verificationStatus) {
        return new Business(id, name, verificationStatus);
    }

    /**
     * Returns the business id.
     *
     * @return the business id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the business name.
     *
     * @return the business name
     */
    public String name() {
        return name;
    }

    /**
     * Returns meta's {@code verification_status}, e.g. {@code verified}, when sent.
     *
     * @return Meta's {@code verification_status}, e.g. {@code verified}, when sent
     */
    public Optional<String> verificationStatus() {
        return verificationStatus;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Business that)) {
            return false;
        }
        return Objects.equals(id, that.id)
                && Objects.equals(name, that.name)
                && Objects.equals(verificationStatus, that.verificationStatus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, verificationStatus);
    }

    @Override
    public String toString() {
        return "Business[id=" + id
                + ", name=" + name
                + ", verificationStatus=" + verificationStatus + "]";
    }
}
