package io.github.metacommerce.internal;

import io.github.metacommerce.sync.SyncRecord;
import io.github.metacommerce.sync.SyncStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A thread-safe in-memory {@link SyncStateStore} that keeps a million records in well under 100 MB.
 *
 * <p>Each catalog keeps its records as bytes, not objects: an open-addressing table of {@code int} references into
 * an arena of 256 KB byte pages, and in the arena one encoded record per item: its retailer id and product id as
 * UTF-8, the content hash, the fingerprint and each translation hash as raw bytes when they are lowercase hex of the
 * usual length (64 characters, or 32 for a fingerprint) and as text otherwise, the time as seconds and nanoseconds
 * (full {@link Instant} precision), the warnings, and the translations with their languages numbered per catalog.
 * A typical record (10-character retailer id, SHA-256 content hash, 128-bit fingerprint, no translation) takes 75
 * bytes in the arena and about 85 bytes in all; {@link #find} builds the {@link SyncRecord} again, equal to the one
 * saved. Any string is kept exactly, including ones with unpaired surrogates (stored as generalised UTF-8, where
 * Java's own encoder would write {@code ?}).
 *
 * <p>A replaced record is written over the old one when it is not longer, else appended; when more than half the
 * arena is dead space (replaced or removed records) the arena is compacted, page by page. Each catalog has a
 * read-write lock: lookups run together, writes one at a time. {@link #forEachRetailerId} copies the ids' bytes
 * (about 12 MB for a million) under the read lock and passes them on outside it, so it lists the ids of one moment
 * and the consumer may use the store.
 */
public final class InMemorySyncStateStore implements SyncStateStore {
    private final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();

    private Catalog catalog(String id) {
        return catalogs.computeIfAbsent(id, k -> new Catalog());
    }

    @Override
    public Map<String, SyncRecord> find(String catalogId, Collection<String> retailerIds) {
        Catalog c = catalogs.get(catalogId);
        Map<String, SyncRecord> out = new HashMap<>();
        if (c == null || retailerIds.isEmpty()) {
            return out;
        }
        c.lock.readLock().lock();
        try {
            for (String id : retailerIds) {
                int ref = c.lookup(Utf8.encode(id));
                if (ref != Catalog.EMPTY) {
                    out.put(id, c.decode(ref));
                }
            }
        } finally {
            c.lock.readLock().unlock();
        }
        return out;
    }

    /** Keeps each record whole, translation hashes included. */
    @Override
    public boolean keepsTranslationHashes() {
        return true;
    }

    @Override
    public void saveAll(String catalogId, Collection<SyncRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Catalog c = catalog(catalogId);
        c.lock.writeLock().lock();
        try {
            for (SyncRecord r : records) {
                c.save(r);
            }
        } finally {
            c.lock.writeLock().unlock();
        }
    }

    @Override
    public void removeAll(String catalogId, Collection<String> retailerIds) {
        Catalog c = catalogs.get(catalogId);
        if (c == null || retailerIds.isEmpty()) {
            return;
        }
        c.lock.writeLock().lock();
        try {
            for (String id : retailerIds) {
                c.remove(Utf8.encode(id));
            }
        } finally {
            c.lock.writeLock().unlock();
        }
    }

    @Override
    public void forEachRetailerId(String catalogId, Consumer<String> consumer) {
        Catalog c = catalogs.get(catalogId);
        if (c == null) {
            return;
        }
        byte[] ids;
        c.lock.readLock().lock();
        try {
            ids = c.retailerIds();
        } finally {
            c.lock.readLock().unlock();
        }
        Reader r = new Reader(ids, 0);
        while (r.pos < ids.length) {
            consumer.accept(r.text());
        }
    }

    @Override
    public long count(String catalogId) {
        Catalog c = catalogs.get(catalogId);
        if (c == null) {
            return 0;
        }
        c.lock.readLock().lock();
        try {
            return c.size;
        } finally {
            c.lock.readLock().unlock();
        }
    }

    /** Figures for tests: table entries, arena bytes in pages, dead arena bytes. */
    long[] stats(String catalogId) {
        Catalog c = catalogs.get(catalogId);
        if (c == null) {
            return new long[3];
        }
        c.lock.readLock().lock();
        try {
            return new long[] {c.tableCapacity(), c.arenaBytes(), c.dead};
        } finally {
            c.lock.readLock().unlock();
        }
    }

    /** One catalog's records. All methods run under {@link #lock}. */
    static final class Catalog {
        /**
         * Offsets in a page take 18 bits of a reference, page numbers the other 14 (up to 4 GB). Pages of 256 KB stay
         * below half a G1 region (1 MB in small heaps), so they are not humongous objects that each take whole
         * regions (a 1 MB page would take two).
         */
        private static final int OFFSET_BITS = 18;
        static final int MAX_PAGE = 1 << OFFSET_BITS;
        private static final int MAX_PAGES = 1 << (32 - OFFSET_BITS);
        private static final int FIRST_PAGE = 4096;
        private static final int MAX_LANGUAGES = 4096;
        /** A free table entry: no record starts in the last byte of the last page, since none is one byte long. */
        static final int EMPTY = -1;

        // flags, the first byte of a record
        private static final int FP_MASK = 3;
        private static final int FP_NONE = 0;
        private static final int FP_HEX32 = 1;
        private static final int FP_HEX64 = 2;
        private static final int FP_TEXT = 3;
        private static final int CONTENT_HEX64 = 1 << 2;
        private static final int TIME_PACKED = 1 << 3;
        private static final int WARNINGS = 1 << 4;
        private static final int TRANSLATIONS = 1 << 5;

        final ReadWriteLock lock = new ReentrantReadWriteLock();

        /**
         * Open addressing with linear probing, holding each record's arena reference (page << OFFSET_BITS | offset)
         * or {@link #EMPTY}. Any capacity works (the home index is a multiply-shift of the hash), so the table grows
         * by half and stays between half and three quarters full.
         */
        private int[] table = emptyTable(16);
        int size;
        /** The bytes of all retailer ids with their lengths, for a snapshot of them. */
        private long idBytes;

        private byte[][] pages = new byte[4][];
        private int pageCount;
        /** Where the next record goes in the last page. */
        private int top;
        /** Arena bytes no record uses (replaced, removed or left over). */
        long dead;
        /** Bytes in all pages. */
        private long capacity;

        private final List<String> languages = new ArrayList<>();
        private final Map<String, Integer> languageIndex = new HashMap<>();

        private final Writer scratch = new Writer();

        private static int[] emptyTable(int n) {
            int[] t = new int[n];
            Arrays.fill(t, EMPTY);
            return t;
        }

        // ---- the table

        private static int hash(byte[] b, int off, int len) {
            int h = 0x811c9dc5;
            for (int i = off; i < off + len; i++) {
                h = (h ^ b[i]) * 0x01000193;
            }
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            h ^= h >>> 16;
            return h;
        }

        private static int index(int hash, int n) {
            return (int) (((hash & 0xffffffffL) * n) >>> 32);
        }

        /** Returns the table index holding this retailer id, or the free index where it would go. */
        private int tableIndex(byte[] key) {
            int n = table.length;
            for (int i = index(hash(key, 0, key.length), n); ; i = i + 1 == n ? 0 : i + 1) {
                int ref = table[i];
                if (ref == EMPTY || keyEquals(ref, key)) {
                    return i;
                }
            }
        }

        /** Returns the arena reference of this retailer id's record, or {@link #EMPTY}. */
        int lookup(byte[] key) {
            return table[tableIndex(key)];
        }

        private boolean keyEquals(int ref, byte[] key) {
            byte[] page = pages[ref >>> OFFSET_BITS];
            Reader r = new Reader(page, (ref & (MAX_PAGE - 1)) + 1);
            int len = r.varint();
            return len == key.length && Arrays.equals(page, r.pos, r.pos + len, key, 0, len);
        }

        /** The home index, in a table of n entries, of the record at ref. */
        private int home(int ref, int n) {
            byte[] page = pages[ref >>> OFFSET_BITS];
            Reader r = new Reader(page, (ref & (MAX_PAGE - 1)) + 1);
            int len = r.varint();
            return index(hash(page, r.pos, len), n);
        }

        private void growTable() {
            int[] old = table;
            int n = old.length + (old.length >> 1);
            table = emptyTable(n);
            for (int ref : old) {
                if (ref != EMPTY) {
                    int i = home(ref, n);
                    while (table[i] != EMPTY) {
                        i = i + 1 == n ? 0 : i + 1;
                    }
                    table[i] = ref;
                }
            }
        }

        int tableCapacity() {
            return table.length;
        }

        // ---- writing

        void save(SyncRecord r) {
            byte[] key = Utf8.encode(r.retailerId());
            encode(r, key);
            int i = tableIndex(key);
            int ref = table[i];
            if (ref != EMPTY) {
                int oldLength = length(ref);
                if (scratch.size <= oldLength) {
                    scratch.copyTo(pages[ref >>> OFFSET_BITS], ref & (MAX_PAGE - 1));
                    dead += oldLength - scratch.size;
                } else {
                    dead += oldLength;
                    table[i] = append();
                }
                compactIfSparse();
                return;
            }
            table[i] = append();
            size++;
            idBytes += key.length + varintSize(key.length);
            if ((long) size * 4 > (long) table.length * 3) {
                growTable();
            }
            compactIfSparse();
        }

        void remove(byte[] key) {
            int i = tableIndex(key);
            int ref = table[i];
            if (ref == EMPTY) {
                return;
            }
            dead += length(ref);
            size--;
            idBytes -= key.length + varintSize(key.length);
            // backward-shift deletion: no tombstones, so lookups stay short
            int n = table.length;
            int hole = i;
            for (int j = i + 1 == n ? 0 : i + 1; table[j] != EMPTY; j = j + 1 == n ? 0 : j + 1) {
                int h = home(table[j], n);
                // the entry at j may fill the hole unless its home lies cyclically in (hole, j]
                boolean homeBetween = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
                if (!homeBetween) {
                    table[hole] = table[j];
                    hole = j;
                }
            }
            table[hole] = EMPTY;
            if (size == 0) {
                clearArena();
            } else {
                compactIfSparse();
            }
        }

        private static int varintSize(int v) {
            int n = 1;
            while ((v & ~0x7f) != 0) {
                v >>>= 7;
                n++;
            }
            return n;
        }

        /** Copies the scratch record to the end of the arena and returns its reference. */
        private int append() {
            int n = scratch.size;
            if (pageCount == 0 || top + n > pages[pageCount - 1].length) {
                if (pageCount > 0) {
                    dead += pages[pageCount - 1].length - top;
                }
                int last = pageCount == 0 ? 0 : pages[pageCount - 1].length;
                int pageSize = n > MAX_PAGE ? n : Math.max(n, Math.min(MAX_PAGE, Math.max(FIRST_PAGE, last * 2)));
                addPage(new byte[pageSize]);
                top = 0;
            }
            int ref = (pageCount - 1) << OFFSET_BITS | top;
            scratch.copyTo(pages[pageCount - 1], top);
            top += n;
            if (n > MAX_PAGE) {
                // a record bigger than a page has a page of its own; its offset (0) fits the reference
                top = pages[pageCount - 1].length;
            }
            return ref;
        }

        private void addPage(byte[] page) {
            if (pageCount == MAX_PAGES) {
                throw new IllegalStateException("The in-memory ledger is full (" + MAX_PAGES + " pages)");
            }
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            pages[pageCount++] = page;
            capacity += page.length;
        }

        long arenaBytes() {
            return capacity;
        }

        private void clearArena() {
            pages = new byte[4][];
            pageCount = 0;
            top = 0;
            dead = 0;
            capacity = 0;
        }

        /** Compacts when dead space is more than half the arena (and more than a page). */
        private void compactIfSparse() {
            if (dead <= MAX_PAGE || dead * 2 <= capacity) {
                return;
            }
            compact();
        }

        /**
         * Rewrites the live records into new pages in arena order, letting each old page go once it is passed, so
         * the arena never needs twice its live size at once.
         */
        void compact() {
            long[] order = new long[size];
            int k = 0;
            for (int i = 0; i < table.length; i++) {
                if (table[i] != EMPTY) {
                    order[k++] = (table[i] & 0xffffffffL) << 32 | i;
                }
            }
            Arrays.sort(order, 0, k);
            byte[][] old = pages;
            int oldCount = pageCount;
            clearArena();
            int released = 0;
            for (int m = 0; m < k; m++) {
                int i = (int) order[m];
                int ref = table[i];
                int page = ref >>> OFFSET_BITS;
                while (released < page) {
                    old[released++] = null;
                }
                int off = ref & (MAX_PAGE - 1);
                int len = length(old[page], off);
                scratch.reset();
                scratch.bytes(old[page], off, len);
                table[i] = append();
            }
            for (int p = released; p < oldCount; p++) {
                old[p] = null;
            }
        }

        private void encode(SyncRecord r, byte[] key) {
            Writer w = scratch;
            w.reset();
            int flags = 0;
            String fp = r.fingerprint().orElse("");
            int fpKind = fp.isEmpty() ? FP_NONE : Hex.isLower(fp, 32) ? FP_HEX32 : Hex.isLower(fp, 64) ? FP_HEX64
                    : FP_TEXT;
            flags |= fpKind;
            boolean contentHex = Hex.isLower(r.contentHash(), 64);
            if (contentHex) {
                flags |= CONTENT_HEX64;
            }
            Instant at = r.syncedAt();
            boolean packed = at.getEpochSecond() >= 0 && at.getEpochSecond() < (1L << 34);
            if (packed) {
                flags |= TIME_PACKED;
            }
            if (r.warnings() != 0) {
                flags |= WARNINGS;
            }
            Map<String, String> translations = r.translationHashes();
            if (!translations.isEmpty()) {
                flags |= TRANSLATIONS;
            }
            w.u8(flags);
            w.varint(key.length);
            w.bytes(key, 0, key.length);
            w.text(r.productId());
            if (contentHex) {
                w.hex(r.contentHash());
            } else {
                w.text(r.contentHash());
            }
            if (fpKind == FP_HEX32 || fpKind == FP_HEX64) {
                w.hex(fp);
            } else if (fpKind == FP_TEXT) {
                w.text(fp);
            }
            if (packed) {
                w.i64(at.getEpochSecond() << 30 | at.getNano());
            } else {
                w.i64(at.getEpochSecond());
                w.i32(at.getNano());
            }
            if (r.warnings() != 0) {
                w.varint(r.warnings());
            }
            if (!translations.isEmpty()) {
                w.varint(translations.size());
                for (Map.Entry<String, String> t : translations.entrySet()) {
                    Integer language = languageIndex.get(t.getKey());
                    if (language == null && languages.size() < MAX_LANGUAGES) {
                        language = languages.size();
                        languages.add(t.getKey());
                        languageIndex.put(t.getKey(), language);
                    }
                    boolean hex = Hex.isLower(t.getValue(), 64);
                    w.varint((language == null ? 0 : language + 1) << 1 | (hex ? 1 : 0));
                    if (language == null) {
                        w.text(t.getKey());
                    }
                    if (hex) {
                        w.hex(t.getValue());
                    } else {
                        w.text(t.getValue());
                    }
                }
            }
        }

        // ---- reading

        private int length(int ref) {
            return length(pages[ref >>> OFFSET_BITS], ref & (MAX_PAGE - 1));
        }

        /** The encoded length of the record at an offset. */
        private static int length(byte[] page, int off) {
            Reader r = new Reader(page, off);
            int flags = r.u8();
            r.skip(r.varint());
            r.skip(r.varint());
            if ((flags & CONTENT_HEX64) != 0) {
                r.skip(32);
            } else {
                r.skip(r.varint());
            }
            switch (flags & FP_MASK) {
                case FP_HEX32: r.skip(16); break;
                case FP_HEX64: r.skip(32); break;
                case FP_TEXT: r.skip(r.varint()); break;
                default: break;
            }
            r.skip((flags & TIME_PACKED) != 0 ? 8 : 12);
            if ((flags & WARNINGS) != 0) {
                r.varint();
            }
            if ((flags & TRANSLATIONS) != 0) {
                int count = r.varint();
                for (int t = 0; t < count; t++) {
                    int code = r.varint();
                    if (code >>> 1 == 0) {
                        r.skip(r.varint());
                    }
                    if ((code & 1) != 0) {
                        r.skip(32);
                    } else {
                        r.skip(r.varint());
                    }
                }
            }
            return r.pos - off;
        }

        SyncRecord decode(int ref) {
            Reader r = new Reader(pages[ref >>> OFFSET_BITS], ref & (MAX_PAGE - 1));
            int flags = r.u8();
            SyncRecord.Builder b = SyncRecord.builder().retailerId(r.text()).productId(r.text());
            b.contentHash((flags & CONTENT_HEX64) != 0 ? r.hex(32) : r.text());
            switch (flags & FP_MASK) {
                case FP_HEX32: b.fingerprint(r.hex(16)); break;
                case FP_HEX64: b.fingerprint(r.hex(32)); break;
                case FP_TEXT: b.fingerprint(r.text()); break;
                default: break;
            }
            if ((flags & TIME_PACKED) != 0) {
                long v = r.i64();
                b.syncedAt(Instant.ofEpochSecond(v >>> 30, v & ((1 << 30) - 1)));
            } else {
                long seconds = r.i64();
                b.syncedAt(Instant.ofEpochSecond(seconds, r.i32()));
            }
            if ((flags & WARNINGS) != 0) {
                b.warnings(r.varint());
            }
            if ((flags & TRANSLATIONS) != 0) {
                int count = r.varint();
                Map<String, String> hashes = new TreeMap<>();
                for (int t = 0; t < count; t++) {
                    int code = r.varint();
                    String language = code >>> 1 == 0 ? r.text() : languages.get((code >>> 1) - 1);
                    hashes.put(language, (code & 1) != 0 ? r.hex(32) : r.text());
                }
                b.translationHashes(hashes);
            }
            return b.build();
        }

        /** The retailer ids, each with its length, copied into one array. */
        byte[] retailerIds() {
            if (idBytes > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("too many retailer ids to list at once: " + idBytes + " bytes");
            }
            byte[] out = new byte[(int) idBytes];
            int pos = 0;
            for (int ref : table) {
                if (ref != EMPTY) {
                    byte[] page = pages[ref >>> OFFSET_BITS];
                    Reader r = new Reader(page, (ref & (MAX_PAGE - 1)) + 1);
                    int start = r.pos;
                    int len = r.varint();
                    int n = r.pos - start + len;
                    System.arraycopy(page, start, out, pos, n);
                    pos += n;
                }
            }
            return out;
        }
    }

    /** Lowercase hex to and from raw bytes. */
    static final class Hex {
        private static final char[] DIGITS = "0123456789abcdef".toCharArray();

        private Hex() {
        }

        static boolean isLower(String s, int length) {
            if (s.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                    return false;
                }
            }
            return true;
        }

        static int value(char c) {
            return c <= '9' ? c - '0' : c - 'a' + 10;
        }

        static String format(byte[] b, int off, int n) {
            char[] out = new char[n * 2];
            for (int i = 0; i < n; i++) {
                int v = b[off + i] & 0xff;
                out[2 * i] = DIGITS[v >>> 4];
                out[2 * i + 1] = DIGITS[v & 15];
            }
            return new String(out);
        }
    }

    /**
     * Strings to bytes and back without loss: UTF-8, except that an unpaired surrogate is written as the three bytes
     * UTF-8 would give its code unit (generalised UTF-8), where {@link String#getBytes} would write {@code ?}. So two
     * strings are equal exactly when their bytes are.
     */
    static final class Utf8 {
        private Utf8() {
        }

        static byte[] encode(String s) {
            int n = s.length();
            int ascii = 0;
            while (ascii < n && s.charAt(ascii) < 0x80) {
                ascii++;
            }
            if (ascii == n) {
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) s.charAt(i);
                }
                return out;
            }
            Writer w = new Writer();
            w.utf8(s);
            return Arrays.copyOf(w.buf, w.size);
        }

        static String decode(byte[] b, int off, int len) {
            int end = off + len;
            boolean ascii = true;
            for (int i = off; i < end && ascii; i++) {
                ascii = b[i] >= 0;
            }
            if (ascii) {
                return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            StringBuilder sb = new StringBuilder(len);
            int i = off;
            while (i < end) {
                int c = b[i] & 0xff;
                if (c < 0x80) {
                    sb.append((char) c);
                    i++;
                } else if (c < 0xe0) {
                    sb.append((char) ((c & 0x1f) << 6 | (b[i + 1] & 0x3f)));
                    i += 2;
                } else if (c < 0xf0) {
                    sb.append((char) ((c & 0x0f) << 12 | (b[i + 1] & 0x3f) << 6 | (b[i + 2] & 0x3f)));
                    i += 3;
                } else {
                    int cp = (c & 0x07) << 18 | (b[i + 1] & 0x3f) << 12 | (b[i + 2] & 0x3f) << 6 | (b[i + 3] & 0x3f);
                    sb.appendCodePoint(cp);
                    i += 4;
                }
            }
            return sb.toString();
        }
    }

    /** A growable byte buffer that records are encoded into. */
    static final class Writer {
        byte[] buf = new byte[256];
        int size;

        void reset() {
            size = 0;
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        void u8(int v) {
            ensure(1);
            buf[size++] = (byte) v;
        }

        void varint(int v) {
            ensure(5);
            while ((v & ~0x7f) != 0) {
                buf[size++] = (byte) (v & 0x7f | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void i32(int v) {
            ensure(4);
            for (int s = 24; s >= 0; s -= 8) {
                buf[size++] = (byte) (v >>> s);
            }
        }

        void i64(long v) {
            ensure(8);
            for (int s = 56; s >= 0; s -= 8) {
                buf[size++] = (byte) (v >>> s);
            }
        }

        void bytes(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        /** Lowercase hex of even length, as raw bytes. */
        void hex(String s) {
            ensure(s.length() / 2);
            for (int i = 0; i < s.length(); i += 2) {
                buf[size++] = (byte) (Hex.value(s.charAt(i)) << 4 | Hex.value(s.charAt(i + 1)));
            }
        }

        /** A length and the string's bytes. */
        void text(String s) {
            byte[] b = Utf8.encode(s);
            varint(b.length);
            bytes(b, 0, b.length);
        }

        void utf8(String s) {
            int n = s.length();
            ensure(n * 3);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    buf[size++] = (byte) c;
                } else if (c < 0x800) {
                    buf[size++] = (byte) (0xc0 | c >>> 6);
                    buf[size++] = (byte) (0x80 | c & 0x3f);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[size++] = (byte) (0xf0 | cp >>> 18);
                    buf[size++] = (byte) (0x80 | cp >>> 12 & 0x3f);
                    buf[size++] = (byte) (0x80 | cp >>> 6 & 0x3f);
                    buf[size++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    buf[size++] = (byte) (0xe0 | c >>> 12);
                    buf[size++] = (byte) (0x80 | c >>> 6 & 0x3f);
                    buf[size++] = (byte) (0x80 | c & 0x3f);
                }
            }
        }

        void copyTo(byte[] page, int off) {
            System.arraycopy(buf, 0, page, off, size);
        }
    }

    /** Reads a record's fields from a page. */
    static final class Reader {
        private final byte[] b;
        int pos;

        Reader(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        int u8() {
            return b[pos++] & 0xff;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                int x = b[pos++];
                v |= (x & 0x7f) << shift;
                if (x >= 0) {
                    return v;
                }
            }
        }

        int i32() {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = v << 8 | (b[pos++] & 0xff);
            }
            return v;
        }

        long i64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (b[pos++] & 0xff);
            }
            return v;
        }

        void skip(int n) {
            pos += n;
        }

        String text() {
            int len = varint();
            String s = Utf8.decode(b, pos, len);
            pos += len;
            return s;
        }

        String hex(int n) {
            String s = Hex.format(b, pos, n);
            pos += n;
            return s;
        }
    }
}
