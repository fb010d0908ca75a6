package io.github.metacommerce.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads each request, applies faults, dispatches it, writes Meta-shaped answers and logs the call. */
final class SandboxHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(SandboxHandler.class);
    /** Meta's items_batch payload limit. */
    static final int MAX_BODY_BYTES = 28 * 1024 * 1024;

    private final World world;
    private final Faults faults;
    private final CallLog calls;
    private final GraphEndpoints graph;
    private final OAuthEndpoints oauth;
    private final ControlEndpoints control;

    SandboxHandler(World world, Faults faults, CallLog calls) {
        this.world = world;
        this.faults = faults;
        this.calls = calls;
        this.graph = new GraphEndpoints(world);
        this.oauth = new OAuthEndpoints(world);
        this.control = new ControlEndpoints(world, faults, calls);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = exchange.getRequestURI().getPath();
        int status = 0;
        boolean logged = false;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            Reply reply;
            if (body == null) {
                reply = error(GraphFailure.invalidParameter("The request is larger than " + MAX_BODY_BYTES
                        + " bytes: reduce the amount of data"));
            } else if (path.equals("/_sandbox") || path.startsWith("/_sandbox/")) {
                reply = controlReply(method, path, exchange, body);
            } else {
                Optional<Faults.Rule> fault = faults.match(method, path);
                if (fault.isPresent() && fault.get().kind != Faults.Kind.LATENCY) {
                    status = faultStatus(fault.get());
                    logged = logCall(method, path, status, start);
                    injectFault(exchange, fault.get());
                    return;
                }
                fault.ifPresent(f -> pause(f.latencyMs));
                reply = graphReply(method, path, exchange, body);
                reply.header("X-App-Usage", world.appUsage());
                reply.header("facebook-api-version", SandboxRequest.versionOf(path));
            }
            reply.header("x-fb-trace-id", world.traceId());
            status = reply.status;
            // logged before the answer goes out, so a client that reads the call log next always finds this call
            logged = logCall(method, path, status, start);
            write(exchange, reply);
        } catch (RuntimeException e) {
            log.error("Sandbox failed on {} {}", method, rawPath, e);
            status = 500;
            if (!logged) {
                logged = logCall(method, path, status, start);
            }
            write(exchange, error(new GraphFailure(500, 2, null, "OAuthException",
                    "An unexpected error has occurred. Please retry your request later.", true)));
        } finally {
            exchange.close();
            if (!logged) {
                logCall(method, path, status, start);
            }
        }
    }

    private boolean logCall(String method, String path, int status, long start) {
        calls.add(new CallLog.Entry(world.clock.instant(), method, path, status, (System.nanoTime() - start) / 1000));
        return true;
    }

    private Reply controlReply(String method, String path, HttpExchange exchange, byte[] body) {
        try {
            SandboxRequest r = SandboxRequest.read(method, path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), isJson(exchange) ? new byte[0] : body);
            return control.handle(r, exchange.getRequestHeaders().getFirst("Content-Type"), body);
        } catch (GraphFailure f) {
            return error(f);
        }
    }

    private Reply graphReply(String method, String path, HttpExchange exchange, byte[] body) {
        try {
            SandboxRequest r = SandboxRequest.read(method, path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body);
            world.countAppCall();
            String[] s = r.segments();
            if (s.length >= 2 && s[0].equals("dialog") && s[1].equals("oauth")) {
                if (s.length == 2 && method.equals("GET")) {
                    return oauth.dialog(r);
                }
                if (s.length == 3 && s[2].equals("confirm") && method.equals("POST")) {
                    return oauth.confirm(r);
                }
            }
            return graph.handle(r, origin(exchange));
        } catch (GraphFailure f) {
            return error(f);
        }
    }

    private static boolean isJson(HttpExchange exchange) {
        String ct = exchange.getRequestHeaders().getFirst("Content-Type");
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    static Reply error(GraphFailure f) {
        ObjectNode root = Json.object();
        ObjectNode e = root.putObject("error");
        e.put("message", f.getMessage());
        e.put("type", f.type);
        e.put("code", f.code);
        if (f.subcode != null) {
            e.put("error_subcode", f.subcode);
        }
        if (f.isTransient) {
            e.put("is_transient", true);
        }
        e.put("fbtrace_id", "Sbx" + Long.toHexString(System.nanoTime()));
        Reply r = Reply.json(f.status, root);
        f.headers.forEach(r::header);
        r.header("WWW-Authenticate", "OAuth \"Facebook Platform\" \"" + (f.code == 190 ? "invalid_token"
                : "invalid_request") + "\" \"" + f.getMessage().replace("\"", "'") + "\"");
        return r;
    }

    /** The status the call log records for an injected fault (0 for a dropped connection). */
    private static int faultStatus(Faults.Rule rule) {
        return switch (rule.kind) {
            case DROP -> 0;
            case MALFORMED, TRUNCATED -> 200;
            default -> rule.status;
        };
    }

    private int injectFault(HttpExchange exchange, Faults.Rule rule) throws IOException {
        pause(rule.latencyMs);
        switch (rule.kind) {
            case DROP:
                // no answer at all: closing the exchange before any header drops the connection
                return 0;
            case MALFORMED:
                write(exchange, Reply.raw(200, "application/json; charset=UTF-8", "{\"data\": [ {\"id\": "));
                return 200;
            case TRUNCATED: {
                byte[] full = "{\"handles\":[\"AcSabc\"],\"validation_status\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
                exchange.sendResponseHeaders(200, full.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(full, 0, full.length / 2);
                }
                return 200;
            }
            case HTML:
                write(exchange, Reply.html(rule.status, "<html><head><title>" + rule.status + " Bad Gateway</title>"
                        + "</head><body><h1>" + rule.status + " Bad Gateway</h1></body></html>"));
                return rule.status;
            default: {
                Reply r = error(new GraphFailure(rule.status, rule.code, rule.subcode, "OAuthException", rule.message,
                        rule.isTransient));
                write(exchange, r);
                return rule.status;
            }
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return body;
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType);
        for (Map.Entry<String, String> h : reply.headers.entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        if (reply.body.length == 0) {
            exchange.sendResponseHeaders(reply.status, -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status, reply.body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body);
        }
    }

    private static String origin(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            host = "127.0.0.1:" + exchange.getLocalAddress().getPort();
        }
        return "http://" + host;
    }
}
