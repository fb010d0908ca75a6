package io.github.metacommerce.catalog;

import io.github.metacommerce.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request of an items_batch (or localized_items_batch) call: {@code {"method":"UPDATE","data":{...}}}. It is
 * serialised once, when created, so that callers can pack calls by size without serialising twice.
 *
 * <pre>{@code
 * ItemRequest upsert = ItemRequest.update(item.toData());
 * ItemRequest delete = ItemRequest.delete("SKU-1");
 * }</pre>
 */
public final class ItemRequest {
    /** The items_batch methods. */
    public enum Method {
        /** Create an item; fails if it exists. */
        CREATE,
        /** Update an item; creates it when {@code allow_upsert} is true (Meta's default). */
        UPDATE,
        /** Delete an item by retailer id. */
        DELETE
    }

    private final Method method;
    private final String retailerId;
    private final String json;
    private final int sizeInBytes;

    private ItemRequest(Method method, String retailerId, Map<String, Object> data) {
        this.method = method;
        this.retailerId = retailerId;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", method.name());
        request.put("data", data);
        this.json = Json.write(request);
        this.sizeInBytes = json.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * An UPDATE (upsert) of an item.
     *
     * @param data the item's data with Meta's field names; must contain {@code id}
     * @return the request
     * @throws IllegalArgumentException if {@code id} is missing or blank
     */
    public static ItemRequest update(Map<String, Object> data) {
        return new ItemRequest(Method.UPDATE, idOf(data), data);
    }

    /**
     * A CREATE of an item (fails on Meta's side if the item exists; prefer {@link #update(Map)}).
     *
     * @param data the item's data; must contain {@code id}
     * @return the request
     */
    public static ItemRequest create(Map<String, Object> data) {
        return new ItemRequest(Method.CREATE, idOf(data), data);
    }

    /**
     * A DELETE by retailer id.
     *
     * @param retailerId the retailer id
     * @return the request
     */
    public static ItemRequest delete(String retailerId) {
        if (retailerId == null || retailerId.isBlank()) {
            throw new IllegalArgumentException("retailerId must not be null or blank");
        }
        return new ItemRequest(Method.DELETE, retailerId, Map.of("id", retailerId));
    }

    private static String idOf(Map<String, Object> data) {
        Objects.requireNonNull(data, "data");
        Object id = data.get("id");
        if (id == null || id.toString().isBlank()) {
            throw new IllegalArgumentException("data.id (the retailer id) must not be null or blank");
        }
        return id.toString();
    }

    /**
     * Returns the method.
     *
     * @return the method
     */
    public Method method() {
        return method;
    }

    /**
     * Returns the retailer id ({@code data.id}).
     *
     * @return the retailer id
     */
    public String retailerId() {
        return retailerId;
    }

    /**
     * Returns the request as JSON, as sent in the {@code requests} array.
     *
     * @return compact JSON
     */
    public String json() {
        return json;
    }

    /**
     * Returns the size of {@link #json()} in UTF-8 bytes.
     *
     * @return the size
     */
    public int sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public String toString() {
        return "ItemRequest[" + method + " " + retailerId + ", " + sizeInBytes + " bytes]";
    }
}
