package io.github.metacommerce.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.product.Product;
import io.github.metacommerce.sandbox.GraphSandbox;
import io.github.metacommerce.sync.SyncOutcome;
import io.github.metacommerce.sync.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> said = new ArrayList<>();

    private int run(String... args) throws Exception {
        return QuickStart.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), said::add);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void connectsThroughOAuthAndSyncsTheGeneratedProducts() throws Exception {
        try (GraphSandbox sandbox = GraphSandbox.builder().autoApprove(true).batchCallsPerMinute(1000)
                .batchProcessingDelay(Duration.ZERO).build().start()) {
            SyncReport r = QuickStart.runAgainstSandbox(sandbox, 300);

            assertThat(r.outcome()).isEqualTo(SyncOutcome.COMPLETED);
            assertThat(r.counts().isBalanced()).isTrue();
            assertThat(r.counts().productsSeen()).isEqualTo(300);
            assertThat(r.counts().failed()).isPositive();
            assertThat(r.counts().created()).isEqualTo(sandbox.itemCount(GraphSandbox.CATALOG_ID));
            assertThat(r.counts().created() + r.counts().failed()).isEqualTo(r.counts().itemsSeen());
        }
    }

    @Test
    void withSandboxItSyncsIntoTheRunningSandboxAndNamesItsBudget() throws Exception {
        try (GraphSandbox running = GraphSandbox.builder().autoApprove(true).batchProcessingDelay(Duration.ZERO)
                .build().start()) {
            int code = run("--sandbox", running.baseUrl() + "/", "--products", "40");

            assertThat(code).as(err()).isZero();
            assertThat(running.itemCount(GraphSandbox.CATALOG_ID)).as("the items are in the sandbox the user started")
                    .isBetween(30, 45);
            assertThat(said.get(0)).isEqualTo("Using the Graph sandbox at " + running.baseUrl()
                    + " with a batch budget of 8 batch calls per catalog per minute (Meta's floor)");
            assertThat(said).last().isEqualTo("See the catalog at " + running.baseUrl() + "/_sandbox/");
            assertThat(String.join("\n", said)).doesNotContain("e.g. none");
        }
    }

    @Test
    void theInProcessSandboxUsesTheJarsBudgetAndPrintsNoAddressThatDiesWithIt() throws Exception {
        int code = run("--products", "20");

        assertThat(code).as(err()).isZero();
        assertThat(said.get(0)).startsWith("Started an in-process Graph sandbox at http://127.0.0.1:")
                .endsWith("with a batch budget of 8 batch calls per catalog per minute (Meta's floor), the same as "
                        + "graph-sandbox.jar's default");
        assertThat(said.subList(1, said.size())).noneMatch(line -> line.contains("/_sandbox/"));
        assertThat(said).last().asString().contains("--keep-running");
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar quickstart.jar")
                .contains("--sandbox URL", "--keep-running");
        assertThat(err()).isEmpty();
        assertThat(said).isEmpty();
    }

    @Test
    void badOptionsAreNamedWithTheUsage() throws Exception {
        assertThat(run("--products", "many")).isEqualTo(2);
        assertThat(err()).contains("quickstart: --products needs a number from 1", "usage:");
        assertThat(run("--fast")).isEqualTo(2);
        assertThat(err()).contains("unknown option --fast");
    }

    @Test
    void aBusyPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(run("--port", Integer.toString(port))).isEqualTo(1);
            assertThat(err()).contains("quickstart: port " + port + " is in use",
                    "--sandbox http://127.0.0.1:" + port);
        }
    }

    @Test
    void aSandboxThatIsNotThereOrNeedsAPersonIsExplained() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        assertThat(run("--sandbox", "http://127.0.0.1:" + free)).isEqualTo(1);
        assertThat(err()).contains("no Graph sandbox answers at http://127.0.0.1:" + free, "--auto-approve");

        try (GraphSandbox manual = GraphSandbox.builder().build().start()) {
            assertThat(run("--sandbox", manual.baseUrl())).isEqualTo(1);
            assertThat(err()).contains("restart the sandbox with --auto-approve");
            assertThat(manual.itemCount(GraphSandbox.CATALOG_ID)).isZero();
        }
    }

    @Test
    void theGeneratorIsDeterministicAndChangesTheRequestedShare() {
        List<Product> a = SampleProducts.stream(1, 1000, 0.01).toList();
        List<Product> b = SampleProducts.stream(1, 1000, 0.01).toList();
        long changed = a.stream().filter(p -> !p.equals(SampleProducts.product(1, Long.parseLong(p.productId()),
                0.01, 10))).count();

        assertThat(a).isEqualTo(b);
        assertThat(changed).isBetween(50L, 150L);
        assertThat(a.stream().filter(p -> p.price().isEmpty() || p.imageUrls().isEmpty() || p.sku().isEmpty()))
                .hasSizeBetween(3, 25);
        assertThat(a.stream().filter(Product::hasVariants)).isNotEmpty();
    }
}
