package io.github.metacommerce.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metacommerce.catalog.ItemRequest;
import io.github.metacommerce.examples.quickstart.SampleProducts;
import io.github.metacommerce.product.Product;
import io.github.metacommerce.product.ProductTransformer;
import io.github.metacommerce.product.ProductValidator;
import io.github.metacommerce.product.StoreSettings;
import io.github.metacommerce.product.TransformedItem;
import io.github.metacommerce.product.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The local pipeline per product as the sync runs it (transform, validate, serialise the items_batch request with
 * {@link ItemRequest#of}, take its {@link ItemRequest#contentHash()}), next to bare Jackson serialisation of the same
 * items' maps and to the earlier path through a map ({@code ItemRequest.update(item.toData())}, then SHA-256 of the
 * JSON text). Allocation per operation: add {@code -prof gc} and read {@code gc.alloc.rate.norm}.
 *
 * <pre>java -jar examples/benchmarks/target/benchmarks.jar PipelineBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
    private static final int PRODUCTS = 1024;

    private final ObjectMapper jackson = new ObjectMapper();
    private ProductTransformer transformer;
    private ProductValidator validator;
    private List<Product> products;
    private List<Map<String, Object>> itemData;
    private MessageDigest sha256;
    private int next;

    @Setup
    public void setUp() throws Exception {
        StoreSettings settings = StoreSettings.builder().storeUrl("https://shop.example").currency("EUR").build();
        transformer = ProductTransformer.of(settings);
        validator = ProductValidator.of(settings);
        products = SampleProducts.stream(3, PRODUCTS, 0.01).toList();
        itemData = new ArrayList<>();
        for (Product p : products) {
            for (TransformedItem t : transformer.transform(p)) {
                t.item().ifPresent(i -> itemData.add(i.toData()));
            }
        }
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    /** What the sync does locally for one product: the request streamed once, its hash from the same bytes. */
    @Benchmark
    public void pipelinePerProduct(Blackhole bh) {
        Product p = products.get(next++ & (PRODUCTS - 1));
        for (TransformedItem t : transformer.transform(p)) {
            ValidationResult v = validator.validate(t);
            bh.consume(v);
            if (v.isValid() && t.item().isPresent()) {
                ItemRequest r = ItemRequest.of(t.item().get());
                bh.consume(r.contentHash());
                bh.consume(r.sizeInBytes());
            }
        }
    }

    /** The same through a map and the JSON text, as the sync did before {@link ItemRequest#of}. */
    @Benchmark
    public void pipelinePerProductViaMap(Blackhole bh) {
        Product p = products.get(next++ & (PRODUCTS - 1));
        for (TransformedItem t : transformer.transform(p)) {
            ValidationResult v = validator.validate(t);
            bh.consume(v);
            if (v.isValid() && t.item().isPresent()) {
                ItemRequest r = ItemRequest.update(t.item().get().toData());
                sha256.reset();
                bh.consume(sha256.digest(r.json().getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** Jackson alone, serialising one already-built item. */
    @Benchmark
    public String jacksonSerialisationPerItem() throws Exception {
        return jackson.writeValueAsString(itemData.get(next++ % itemData.size()));
    }
}
