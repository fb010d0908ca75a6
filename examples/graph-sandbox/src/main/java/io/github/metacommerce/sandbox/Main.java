package io.github.metacommerce.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox from the command line:
 * {@code java -jar graph-sandbox.jar [--port N] [--app-id ID] [--app-secret S] [--redirect-uri URI]...
 * [--auto-approve] [--batch-calls-per-minute N] [--batch-processing-delay 200ms] [--require-appsecret-proof]
 * [--help]}. It prints {@code Graph sandbox listening on http://127.0.0.1:PORT} once on standard output when ready;
 * that line is the command's output contract, which scripts wait for; a second line names the batch budget.
 * {@code --help} prints the usage and exits 0, a bad option exits 2, a port in use exits 1 with
 * {@code port N is in use}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Starts the sandbox and blocks until the process is stopped.
     *
     * @param args the options
     * @throws InterruptedException if interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(usage());
            return;
        }
        GraphSandbox sandbox;
        try {
            sandbox = parse(args).build().start();
        } catch (IllegalArgumentException e) {
            System.err.println("graph-sandbox: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        } catch (PortInUseException e) {
            System.err.println("graph-sandbox: " + e.getMessage() + " (--port)");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "graph-sandbox-shutdown"));
        out.println("Graph sandbox listening on " + sandbox.baseUrl());
        SandboxSettings s = sandbox.settings();
        out.println("  batch budget " + s.batchCallsPerMinute() + " calls per catalog per minute"
                + (s.batchCallsPerMinute() == GraphSandbox.DEFAULT_BATCH_CALLS_PER_MINUTE ? " (Meta's floor)" : "")
                + ", auto-approve " + (s.autoApprove() ? "on" : "off") + "; catalogs at " + sandbox.baseUrl()
                + "/_sandbox/");
        out.flush();
        stopped.await();
    }

    static GraphSandbox.Builder parse(String[] args) {
        GraphSandbox.Builder b = GraphSandbox.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port": b.port(intValue(a, value(args, ++i, a))); break;
                case "--app-id": b.appId(value(args, ++i, a)); break;
                case "--app-secret": b.appSecret(value(args, ++i, a)); break;
                case "--app-name": b.appName(value(args, ++i, a)); break;
                case "--redirect-uri": b.redirectUri(value(args, ++i, a)); break;
                case "--auto-approve": b.autoApprove(true); break;
                case "--batch-calls-per-minute": b.batchCallsPerMinute(intValue(a, value(args, ++i, a))); break;
                case "--batch-processing-delay": b.batchProcessingDelay(duration(value(args, ++i, a))); break;
                case "--require-appsecret-proof": b.requireAppSecretProof(true); break;
                default: throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return b;
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (use 200ms, 2s, 1m or PT0.2S)");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was " + v);
        }
    }

    static String usage() {
        return "usage: java -jar graph-sandbox.jar [--port N] [--app-id ID] [--app-secret SECRET] [--app-name NAME]\n"
                + "       [--redirect-uri URI]... [--auto-approve] [--batch-calls-per-minute N]\n"
                + "       [--batch-processing-delay 200ms] [--require-appsecret-proof] [--help]\n"
                + "  --port N                    port on 127.0.0.1 (default 0: any free port)\n"
                + "  --batch-calls-per-minute N  batch calls per catalog per rolling minute (default 8, Meta's floor)\n"
                + "  --auto-approve              the OAuth dialog redirects back at once (for the quickstart and scripts)";
    }
}
