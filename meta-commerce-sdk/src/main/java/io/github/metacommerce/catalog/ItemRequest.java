package io.github.metacommerce.catalog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.TSFBuilder;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.metacommerce.internal.AppSecretProofs;
import io.github.metacommerce.internal.Json;
import io.github.metacommerce.internal.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request of an items_batch (or localized_items_batch) call: {@code {"method":"UPDATE","data":{...}}}. It is
 * serialised once, when created, into UTF-8 bytes that serve everything after: the size used to pack calls
 * ({@link #sizeInBytes()}), the content hash ({@link #contentHash()}) and the request body ({@link #writeTo}).
 *
 * <pre>{@code
 * ItemRequest upsert = ItemRequest.of(item);               // streams the item, no map in between
 * ItemRequest same = ItemRequest.update(item.toData());    // the same bytes, through a map
 * ItemRequest delete = ItemRequest.delete("SKU-1");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
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

    private static final JsonFactory FACTORY = factory();
    private static final SerializedString METHOD = new SerializedString("method");
    private static final SerializedString DATA = new SerializedString("data");
    private static final SerializedString UPDATE = new SerializedString("UPDATE");
    private static final ThreadLocal<Writer> WRITER = ThreadLocal.withInitial(Writer::new);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ItemRequest::sha256);

    private final Method method;
    private final String retailerId;
    private final byte[] bytes;
    /** Whether the JSON text has an unpaired surrogate, which has no UTF-8 form ({@code ?} in the bytes). */
    private final boolean notUnicode;
    /** The JSON text; decoded from the bytes on first use unless given (when they differ: {@link #notUnicode}). */
    private volatile String json;
    private volatile String contentHash;

    private ItemRequest(Method method, String retailerId, byte[] bytes, String json) {
        this.method = method;
        this.retailerId = retailerId;
        this.bytes = bytes;
        this.json = json;
        this.notUnicode = json != null;
    }

    private static ItemRequest viaMap(Method method, String retailerId, Map<String, Object> data) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", method.name());
        request.put("data", data);
        String json = Json.write(request);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        // text that is not valid Unicode has no UTF-8 form (its unpaired surrogates became '?'): keep the text
        return new ItemRequest(method, retailerId, bytes, Text.firstUnpairedSurrogate(json) >= 0 ? json : null);
    }

    /**
     * An UPDATE (upsert) of an item, written straight from the item into UTF-8 bytes with no map in between. The
     * JSON, its bytes and its hash are exactly those of {@code ItemRequest.update(item.toData())}.
     *
     * @param item the item
     * @return the request
     * @throws IllegalArgumentException if the item's retailer id ({@code id}) is blank
     * @throws NullPointerException if the item is null
     */
    public static ItemRequest of(CatalogItem item) {
        Objects.requireNonNull(item, "item");
        if (item.id().isBlank()) {
            throw new IllegalArgumentException("data.id (the retailer id) must not be null or blank");
        }
        Writer writer = WRITER.get();
        Buffer buffer = writer.buffer;
        buffer.reset();
        try {
            JsonGenerator g = writer.generator();
            g.writeStartObject();
            g.writeFieldName(METHOD);
            g.writeString(UPDATE);
            g.writeFieldName(DATA);
            g.writeStartObject();
            item.writeData(g);
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
        } catch (IOException | RuntimeException e) {
            writer.discard();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("cannot serialise item " + item.id(), (IOException) e);
        }
        if (buffer.hasEscapedSurrogate()) {
            // an unpaired surrogate (or a Jackson older than 2.18, which escapes every pair): the map path writes
            // such text differently, and that is what this request must be
            return update(item.toData());
        }
        return new ItemRequest(Method.UPDATE, item.id(), buffer.toByteArray(), null);
    }

    /**
     * An UPDATE (upsert) of an item.
     *
     * @param data the item's data with Meta's field names; must contain {@code id}
     * @return the request
     * @throws IllegalArgumentException if {@code id} is missing or blank
     * @see #of(CatalogItem)
     */
    public static ItemRequest update(Map<String, Object> data) {
        return viaMap(Method.UPDATE, idOf(data), data);
    }

    /**
     * A CREATE of an item (fails on Meta's side if the item exists; prefer {@link #update(Map)}).
     *
     * @param data the item's data; must contain {@code id}
     * @return the request
     */
    public static ItemRequest create(Map<String, Object> data) {
        return viaMap(Method.CREATE, idOf(data), data);
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
        return viaMap(Method.DELETE, retailerId, Map.of("id", retailerId));
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
     * Returns the request as JSON, as sent in the {@code requests} array. For a request made by {@link #of} it is
     * decoded from the bytes on first use.
     *
     * @return compact JSON
     */
    public String json() {
        String j = json;
        if (j == null) {
            j = new String(bytes, StandardCharsets.UTF_8);
            json = j;
        }
        return j;
    }

    /**
     * Returns the size of the request in UTF-8 bytes, what it adds to a call's body.
     *
     * @return the size
     */
    public int sizeInBytes() {
        return bytes.length;
    }

    /**
     * Returns the SHA-256 of the request's UTF-8 bytes ({@code json().getBytes(UTF_8)}), as 64 lower-case hex
     * digits: equal requests have equal hashes, so a sync can tell an unchanged item from a changed one. Computed
     * on first use and kept.
     *
     * @return the hex SHA-256 of the bytes
     */
    public String contentHash() {
        String h = contentHash;
        if (h == null) {
            MessageDigest digest = SHA256.get();
            digest.reset();
            h = AppSecretProofs.hex(digest.digest(bytes));
            contentHash = h;
        }
        return h;
    }

    /**
     * Writes the request's UTF-8 bytes ({@link #sizeInBytes()} of them) to a stream, without a copy through a
     * String: how a request body is built from requests. The stream is neither flushed nor closed, and it must not
     * change the array it is handed.
     *
     * @param out the stream
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException if the request's text is not valid Unicode (an unpaired UTF-16 surrogate in
     *         data built by hand): it has no UTF-8 form and is never sent changed; nothing is written
     */
    public void writeTo(OutputStream out) throws IOException {
        if (notUnicode) {
            throw new IllegalArgumentException("The " + method + " request of " + bytes.length + " bytes is not "
                    + "valid Unicode: an unpaired UTF-16 surrogate at character "
                    + Text.position(json, Text.firstUnpairedSurrogate(json)) + " has no UTF-8 form. It was not sent, "
                    + "because encoding it would silently change it to '?'.");
        }
        out.write(bytes, 0, bytes.length);
    }

    @Override
    public String toString() {
        return "ItemRequest[" + method + " " + retailerId + ", " + bytes.length + " bytes]";
    }

    private static JsonFactory factory() {
        TSFBuilder<?, ?> b = Json.mapper().getFactory().rebuild();
        try {
            // write a surrogate pair as the 4-byte UTF-8 form (as String.getBytes does), not as two \\u escapes;
            // Jackson 2.18 and later: with an older one every pair takes the map path, see hasEscapedSurrogate
            b.enable(JsonWriteFeature.valueOf("COMBINE_UNICODE_SURROGATES_IN_UTF8"));
        } catch (IllegalArgumentException e) {
            // an older Jackson: handled per request
        }
        return (JsonFactory) b.build();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * One generator per thread, kept open and writing one root object per request into the buffer (no separator
     * between them); flushed after each request, whose bytes are then copied out. A failed request discards it.
     */
    private static final class Writer {
        final Buffer buffer = new Buffer();
        private JsonGenerator generator;

        JsonGenerator generator() throws IOException {
            if (generator == null) {
                generator = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
                generator.setRootValueSeparator(null);
            }
            return generator;
        }

        void discard() {
            generator = null;
        }
    }

    /** A reusable byte buffer per thread: the generator writes into it, the request keeps an exact copy. */
    private static final class Buffer extends OutputStream {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        private byte[] data = new byte[4096];
        private int size;

        void reset() {
            if (data.length > 1 << 20) {
                data = new byte[4096];
            }
            size = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            data[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(data, size);
        }

        /**
         * Whether the JSON holds a {@code \}{@code uD800}-{@code \}{@code uDFFF} escape: Jackson writes an unpaired
         * surrogate that way (and every pair, before 2.18), where the map path writes {@code ?} or 4 bytes. The
         * JSON is Jackson's, so every backslash starts an escape: {@code \}{@code uXXXX} or two characters
         * ({@code \n}, {@code \\}...); the backslashes are found eight bytes at a time.
         */
        boolean hasEscapedSurrogate() {
            byte[] d = data;
            int i = nextBackslash(d, 0, size);
            while (i >= 0) {
                if (i + 1 < size && d[i + 1] == 'u') {
                    if (i + 3 < size && (d[i + 2] == 'D' || d[i + 2] == 'd')) {
                        byte h = d[i + 3];
                        if ((h >= '8' && h <= '9') || (h >= 'A' && h <= 'F') || (h >= 'a' && h <= 'f')) {
                            return true;
                        }
                    }
                    i = nextBackslash(d, i + 6, size);
                } else {
                    i = nextBackslash(d, i + 2, size);
                }
            }
            return false;
        }

        private static int nextBackslash(byte[] d, int from, int size) {
            int i = from;
            for (; i <= size - 8; i += 8) {
                long x = (long) LONGS.get(d, i) ^ 0x5C5C5C5C5C5C5C5CL;
                long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
                if (zero != 0) {
                    // the lowest flagged byte is a real match (only bytes above one can be flagged falsely)
                    return i + (Long.numberOfTrailingZeros(zero) >>> 3);
                }
            }
            for (; i < size; i++) {
                if (d[i] == '\\') {
                    return i;
                }
            }
            return -1;
        }
    }
}
