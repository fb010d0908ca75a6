package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the sandbox knows: users, businesses, catalogs, items, tokens, codes and batches. */
final class World {
    /** A person who logs in. */
    record User(String id, String name) {
    }

    /** A business portfolio. */
    record Business(String id, String name, String ownerUserId, String verificationStatus,
            List<String> ownedCatalogs, List<String> clientCatalogs) {
    }

    /** An OAuth authorization code. */
    record AuthCode(String code, String userId, String redirectUri, List<String> scopes, Instant expiresAt) {
    }

    static final String MERCHANT_ID = "100000000000001";
    static final Duration SHORT_LIVED = Duration.ofSeconds(5400);
    static final Duration LONG_LIVED = Duration.ofSeconds(5183944);
    static final Duration DATA_ACCESS = Duration.ofDays(90);
    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final List<String> DEFAULT_SCOPES = List.of("catalog_management", "business_management",
            "pages_read_engagement", "instagram_basic");
    private static final int MAX_BATCHES_KEPT = 2000;

    final SandboxSettings settings;
    final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong catalogIds = new AtomicLong(400000000000000L);
    private final AtomicLong productIds = new AtomicLong(500000000000000L);
    private final AtomicLong handles = new AtomicLong(1);

    final Map<String, User> users = new ConcurrentHashMap<>();
    final Map<String, Business> businesses = new ConcurrentHashMap<>();
    final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();
    final Map<String, Token> tokens = new ConcurrentHashMap<>();
    final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    final Map<String, Batch> batches = new ConcurrentHashMap<>();
    final ConcurrentLinkedDeque<Batch> batchOrder = new ConcurrentLinkedDeque<>();

    World(SandboxSettings settings, SandboxClock clock) {
        this.settings = settings;
        this.clock = clock;
        seed();
    }

    synchronized void reset() {
        users.clear();
        businesses.clear();
        catalogs.clear();
        tokens.clear();
        codes.clear();
        batches.clear();
        batchOrder.clear();
        catalogIds.set(400000000000000L);
        productIds.set(500000000000000L);
        handles.set(1);
        clearAppCalls();
        clock.reset();
        seed();
    }

    private final long[] minuteBuckets = new long[60];
    private final long[] bucketMinute = new long[60];

    /** Counts one Graph call for {@code X-App-Usage}. */
    synchronized void countAppCall() {
        long minute = clock.instant().getEpochSecond() / 60;
        int i = (int) Math.floorMod(minute, 60L);
        if (bucketMinute[i] != minute) {
            bucketMinute[i] = minute;
            minuteBuckets[i] = 0;
        }
        minuteBuckets[i]++;
    }

    /** The {@code X-App-Usage} header value: calls in the last hour as a share of the app's budget. */
    synchronized String appUsage() {
        long minute = clock.instant().getEpochSecond() / 60;
        long total = 0;
        for (int i = 0; i < 60; i++) {
            if (minute - bucketMinute[i] < 60) {
                total += minuteBuckets[i];
            }
        }
        long percent = Math.min(100L * total / settings.appCallsPerHour(), 999);
        return "{\"call_count\":" + percent + ",\"total_cputime\":" + percent / 2 + ",\"total_time\":" + percent / 2
                + "}";
    }

    private synchronized void clearAppCalls() {
        java.util.Arrays.fill(minuteBuckets, 0);
        java.util.Arrays.fill(bucketMinute, 0);
    }

    private void seed() {
        users.put(MERCHANT_ID, new User(MERCHANT_ID, "Sandbox Merchant"));
        addCatalog(new Catalog("300000000000001", "Outdoor Catalog", "commerce", "200000000000001"));
        addCatalog(new Catalog("300000000000002", "Kids Catalog", "commerce", "200000000000002"));
        addCatalog(new Catalog("300000000000003", "Partner Brand Catalog", "commerce", "200000000000003"));
        businesses.put("200000000000001", new Business("200000000000001", "Sandbox Outdoor Co.", MERCHANT_ID,
                "verified", new java.util.concurrent.CopyOnWriteArrayList<>(List.of("300000000000001")),
                List.of("300000000000003")));
        businesses.put("200000000000002", new Business("200000000000002", "Sandbox Kids Co.", MERCHANT_ID,
                "not_verified", new java.util.concurrent.CopyOnWriteArrayList<>(List.of("300000000000002")),
                List.of()));
        businesses.put("200000000000003", new Business("200000000000003", "Partner Brand Ltd.", "someone-else",
                "verified", new java.util.concurrent.CopyOnWriteArrayList<>(List.of("300000000000003")), List.of()));
    }

    private void addCatalog(Catalog c) {
        catalogs.put(c.id, c);
    }

    Catalog createCatalog(Business owner, String name, String vertical) {
        Catalog c = new Catalog(Long.toString(catalogIds.incrementAndGet()), name, vertical, owner.id());
        catalogs.put(c.id, c);
        owner.ownedCatalogs().add(c.id);
        return c;
    }

    void deleteCatalog(Catalog c) {
        catalogs.remove(c.id);
        Business b = businesses.get(c.businessId);
        if (b != null) {
            b.ownedCatalogs().remove(c.id);
        }
    }

    List<Business> businessesOf(String userId) {
        List<Business> out = new ArrayList<>();
        businesses.values().stream().filter(b -> b.ownerUserId().equals(userId))
                .sorted(java.util.Comparator.comparing(Business::id)).forEach(out::add);
        return out;
    }

    /** Whether the user may use the catalog: owned by one of their businesses, or a client catalog of one. */
    boolean canAccess(String userId, Catalog c) {
        for (Business b : businessesOf(userId)) {
            if (b.ownedCatalogs().contains(c.id) || b.clientCatalogs().contains(c.id)) {
                return true;
            }
        }
        return false;
    }

    Token mintToken(String userId, Collection<String> scopes, Duration ttl) {
        Instant now = clock.instant();
        Token t = new Token("EAAS" + randomString(48), userId, settings.appId(), List.copyOf(scopes), now,
                ttl == null ? null : now.plus(ttl), now.plus(DATA_ACCESS));
        tokens.put(t.value, t);
        return t;
    }

    AuthCode newCode(String userId, String redirectUri, List<String> scopes) {
        AuthCode c = new AuthCode("AQ" + randomString(64), userId, redirectUri, scopes,
                clock.instant().plus(CODE_TTL));
        codes.put(c.code(), c);
        return c;
    }

    String randomString(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }

    String traceId() {
        return randomString(11);
    }

    Batch submit(Catalog c, boolean localized, boolean allowUpsert, List<Batch.Line> lines) {
        Instant now = clock.instant();
        String handle = "AcS" + Long.toString(handles.getAndIncrement(), 36) + randomString(20);
        Batch b = new Batch(handle, c.id, localized, allowUpsert, now, now.plus(settings.batchProcessingDelay()),
                lines);
        batches.put(handle, b);
        batchOrder.addLast(b);
        while (batchOrder.size() > MAX_BATCHES_KEPT) {
            Batch old = batchOrder.pollFirst();
            if (old != null && old.finished) {
                batches.remove(old.handle);
            } else if (old != null) {
                batchOrder.addFirst(old);
                break;
            }
        }
        return b;
    }

    /** Processes every batch that is due, oldest first. */
    void processDue() {
        Instant now = clock.instant();
        for (Batch b : batchOrder) {
            if (!b.finished && !now.isBefore(b.dueAt)) {
                process(b);
            }
        }
    }

    /** Applies a batch to its catalog once; later calls do nothing. */
    void process(Batch b) {
        Catalog c = catalogs.get(b.catalogId);
        synchronized (b) {
            if (b.finished) {
                return;
            }
            if (c == null) {
                b.errors.add(new Batch.Message(0, "", "The catalog was deleted before the batch was processed"));
                b.finished = true;
                return;
            }
            synchronized (c) {
                for (Batch.Line line : b.lines) {
                    apply(c, b, line);
                }
            }
            b.finished = true;
        }
    }

    private void apply(Catalog c, Batch b, Batch.Line line) {
        if (line.invalidAtSubmit()) {
            // refused in validation_status: never ingested, its errors repeated in the batch status
            boolean creating = "CREATE".equals(line.method()) || line.retailerId() == null
                    || !c.byRetailerId.containsKey(line.retailerId());
            List<String> reasons = ItemRules.immediateErrors(line.data(), creating);
            if (reasons.isEmpty()) {
                reasons = List.of("Refused when the batch was submitted (see validation_status)");
            }
            reasons.forEach(msg -> fail(b, line, msg));
            return;
        }
        String id = line.retailerId();
        if (id == null || id.isBlank()) {
            fail(b, line, "Missing required field: id");
            return;
        }
        Long existingId = c.byRetailerId.get(id);
        Catalog.Item existing = existingId == null ? null : c.items.get(existingId);
        if (b.localized) {
            applyLocalized(c, b, line, existing);
            return;
        }
        switch (line.method()) {
            case "DELETE":
                if (existing == null) {
                    b.warnings.add(new Batch.Message(line.line(), id, "Item " + id + " does not exist; nothing to "
                            + "delete"));
                } else {
                    c.items.remove(existing.id());
                    c.byRetailerId.remove(id);
                    b.deleted++;
                }
                return;
            case "CREATE":
                if (existing != null) {
                    fail(b, line, "An item with id " + id + " already exists; use UPDATE");
                    return;
                }
                break;
            case "UPDATE":
                if (existing == null && !b.allowUpsert) {
                    fail(b, line, "Item " + id + " does not exist and allow_upsert is false");
                    return;
                }
                break;
            default:
                fail(b, line, "Unsupported method " + line.method() + ": use CREATE, UPDATE or DELETE");
                return;
        }
        ObjectNode merged = existing == null ? Json.object() : (ObjectNode) Json.read(existing.json());
        line.data().properties().forEach(e -> {
            if (e.getValue().isNull()) {
                merged.remove(e.getKey());
            } else if (ItemRules.KNOWN.contains(e.getKey())) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        List<String> errors = new ArrayList<>(ItemRules.immediateErrors(merged, true));
        errors.addAll(ItemRules.processingErrors(merged));
        if (!errors.isEmpty()) {
            for (String e : errors) {
                b.errors.add(new Batch.Message(line.line(), id, e));
            }
            b.invalidIds.add(id);
            return;
        }
        for (String w : ItemRules.warnings(line.data(), merged)) {
            b.warnings.add(new Batch.Message(line.line(), id, w));
        }
        long productId = existing == null ? productIds.incrementAndGet() : existing.id();
        c.items.put(productId, new Catalog.Item(productId, id, Json.bytes(merged), clock.instant(),
                existing == null ? new ConcurrentHashMap<>() : existing.localizations()));
        c.byRetailerId.put(id, productId);
        if (existing == null) {
            b.created++;
        } else {
            b.updated++;
        }
    }

    private void applyLocalized(Catalog c, Batch b, Batch.Line line, Catalog.Item existing) {
        if (existing == null) {
            fail(b, line, "Item " + line.retailerId() + " does not exist: localized_items_batch never creates items");
            return;
        }
        if (line.localization() == null) {
            fail(b, line, "Missing localization: set {\"type\":\"LANGUAGE\",\"value\":\"fr_XX\"}");
            return;
        }
        Map<String, Object> override = new LinkedHashMap<>();
        line.data().properties().forEach(e -> {
            if (!e.getKey().equals("id")) {
                override.put(e.getKey(), e.getValue());
            }
        });
        for (String e : ItemRules.processingErrors(line.data())) {
            fail(b, line, e);
            return;
        }
        existing.localizations().put(line.localization(), Json.bytes(override));
        b.updated++;
    }

    private static void fail(Batch b, Batch.Line line, String message) {
        b.errors.add(new Batch.Message(line.line(), line.retailerId() == null ? "" : line.retailerId(), message));
        if (line.retailerId() != null) {
            b.invalidIds.add(line.retailerId());
        }
    }
}
