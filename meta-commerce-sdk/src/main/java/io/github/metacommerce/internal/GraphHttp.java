package io.github.metacommerce.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.AppSecretProofMode;
import io.github.metacommerce.RetrySettings;
import io.github.metacommerce.Sleeper;
import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.GraphError;
import io.github.metacommerce.exception.GraphResponseParseException;
import io.github.metacommerce.exception.GraphTransportException;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.graph.ApiUsage;
import io.github.metacommerce.graph.GraphApiVersion;
import io.github.metacommerce.graph.GraphCall;
import io.github.metacommerce.graph.GraphCallListener;
import io.github.metacommerce.graph.HttpMethod;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Graph calls over {@code java.net.http}: builds the URL with the pinned version, puts the token in the
 * {@code Authorization} header and the proof beside the parameters, maps errors, parses usage headers, retries
 * retryable calls through a resilience4j {@link Retry} whose waits go through the injected {@link Sleeper}, and
 * reports every attempt to the listener. Shared by every token of one client; thread-safe.
 */
public final class GraphHttp {
    private static final Logger log = LoggerFactory.getLogger(GraphHttp.class);
    /** Parameters that carry credentials; stripped from paging links, refused from callers. */
    public static final Set<String> CREDENTIAL_PARAMS = Set.of("access_token", "appsecret_proof", "appsecret_time");
    private static final int SNIPPET_LENGTH = 200;

    /**
     * Everything the transport needs.
     *
     * @param httpClient the JDK client
     * @param baseUrl the Graph base URL, no trailing slash
     * @param version the pinned version
     * @param readTimeout the per-request timeout
     * @param retry the retry settings
     * @param sleeper waits between retries
     * @param clock the time source for timed proofs and durations
     * @param userAgent the User-Agent header
     * @param proofMode how to compute {@code appsecret_proof}
     * @param appSecret the app secret
     * @param listener receives every attempt
     */
    public record Settings(
            HttpClient httpClient,
            URI baseUrl,
            GraphApiVersion version,
            Duration readTimeout,
            RetrySettings retry,
            Sleeper sleeper,
            Clock clock,
            String userAgent,
            AppSecretProofMode proofMode,
            String appSecret,
            GraphCallListener listener) {

        /** Checks the components. */
        public Settings {
            Objects.requireNonNull(httpClient, "httpClient");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(readTimeout, "readTimeout");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(userAgent, "userAgent");
            Objects.requireNonNull(proofMode, "proofMode");
            Objects.requireNonNull(appSecret, "appSecret");
            Objects.requireNonNull(listener, "listener");
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", version=" + version + ", appSecret=****]";
        }
    }

    private final Settings settings;
    private final Retry retry;
    private final Redactor baseRedactor;

    /**
     * Creates the transport.
     *
     * @param settings the settings
     */
    public GraphHttp(Settings settings) {
        this.settings = settings;
        RetrySettings r = settings.retry();
        this.retry = Retry.of("meta-graph", RetryConfig.custom()
                .maxAttempts(r.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        r.initialBackoff(), r.multiplier(), r.jitter(), r.maxBackoff()))
                .retryOnException(t -> t instanceof MetaCommerceException m && m.isRetryable())
                .failAfterMaxAttempts(false)
                .build());
        this.baseRedactor = Redactor.of(settings.appSecret());
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     */
    public Settings settings() {
        return settings;
    }

    /**
     * Makes the call, retrying when the spec allows it.
     *
     * @param spec the call
     * @return the decoded successful response
     * @throws MetaCommerceException on any failure
     */
    public GraphResult execute(GraphCallSpec spec) {
        Retry.AsyncContext<Object> context = spec.retryable() ? retry.asyncContext() : null;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                GraphResult result = attempt(spec, attempt);
                if (context != null) {
                    context.onComplete();
                }
                return result;
            } catch (MetaCommerceException e) {
                long delayMillis = context == null ? -1 : context.onError(e);
                if (delayMillis < 0) {
                    throw e;
                }
                if (e instanceof GraphTransportException) {
                    log.warn("{}; retrying in {} ms", e.getMessage(), delayMillis);
                } else {
                    log.warn("Graph {} {} failed on attempt {} ({}: {}); retrying in {} ms", spec.method(),
                            describePath(spec), attempt, e.category(), e.getMessage(), delayMillis);
                }
                try {
                    settings.sleeper().sleep(Duration.ofMillis(delayMillis));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new GraphTransportException("interrupted while waiting to retry " + spec.method() + " "
                            + describePath(spec) + " after " + attempt + " attempts", ie,
                            GraphTransportException.Failure.INTERRUPTED, null, -1, attempt);
                }
            }
        }
    }

    private GraphResult attempt(GraphCallSpec spec, int attempt) {
        Redactor redactor = baseRedactor.with(spec.token(), spec.params().get("code"),
                spec.params().get("fb_exchange_token"), spec.params().get("input_token"));
        HttpRequest request = buildRequest(spec);
        String path = request.uri().getRawPath();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = settings.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | java.nio.channels.UnresolvedAddressException e) {
            GraphTransportException ex = transportFailure(spec.method(), request.uri(), attempt, e, redactor);
            report(spec.method(), path, attempt, 0, start, ApiUsage.none(), ex.category());
            throw ex;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            URI uri = request.uri();
            throw new GraphTransportException(spec.method() + " " + path + " was interrupted", e,
                    GraphTransportException.Failure.INTERRUPTED, uri.getHost(), port(uri), attempt);
        }
        HttpHeaders headers = response.headers();
        ApiUsage usage = UsageHeaders.parse(headers.firstValue("x-app-usage").orElse(null),
                headers.firstValue("x-business-use-case-usage").orElse(null));
        int status = response.statusCode();
        try {
            GraphResult result = interpret(status, response.body(), headers, usage, spec.context(), redactor);
            report(spec.method(), path, attempt, status, start, usage, null);
            return result;
        } catch (MetaCommerceException e) {
            report(spec.method(), path, attempt, status, start, usage, e.category());
            throw e;
        }
    }

    private GraphResult interpret(int status, String body, HttpHeaders headers, ApiUsage usage,
            ErrorContext context, Redactor redactor) {
        JsonNode json = null;
        if (body != null && !body.isBlank()) {
            try {
                json = Json.parse(body);
            } catch (JsonProcessingException e) {
                if (status == 429) {
                    throw GraphErrorMapper.toException(httpOnlyError(status), usage, retryAfter(headers), context);
                }
                throw new GraphResponseParseException("response is not JSON", status,
                        redactor.snippet(body, SNIPPET_LENGTH), null);
            }
        }
        if (json != null && json.isObject() && json.has("error") && !json.get("error").isNull()) {
            GraphError error = GraphErrorMapper.parse(status, json.get("error"), redactor);
            throw GraphErrorMapper.toException(error, usage, retryAfter(headers), context);
        }
        if (status < 200 || status >= 300) {
            if (json == null && status != 429) {
                throw new GraphResponseParseException(
                        body == null || body.isBlank() ? "error response with an empty body" : "response is not JSON",
                        status, redactor.snippet(body, SNIPPET_LENGTH), null);
            }
            throw GraphErrorMapper.toException(httpOnlyError(status), usage, retryAfter(headers), context);
        }
        if (json == null) {
            throw new GraphResponseParseException("response body is empty", status, "", null);
        }
        return new GraphResult(json, status, usage, headers.firstValue("facebook-api-version"),
                headers.firstValue("x-fb-trace-id"));
    }

    /**
     * Describes a failure to talk to the host: what failed (refused, timeout, TLS, reset, unknown host), where
     * (host and port, never the query) and after how many attempts; the cause's own text is redacted.
     */
    GraphTransportException transportFailure(HttpMethod method, URI uri, int attempt, Exception e,
            Redactor redactor) {
        GraphTransportException.Failure failure = classify(e);
        String host = uri.getHost();
        int port = port(uri);
        String where = host + ":" + port;
        String detail = switch (failure) {
            case CONNECTION_REFUSED -> "connection refused by " + where;
            case CONNECT_TIMEOUT -> "could not connect to " + where
                    + settings.httpClient().connectTimeout().map(d -> " within " + millis(d)).orElse("");
            case READ_TIMEOUT -> "no response from " + where + " within " + millis(settings.readTimeout());
            case TLS -> "TLS handshake with " + where + " failed";
            case CONNECTION_RESET -> "the connection to " + where + " was reset or closed before a response";
            case UNKNOWN_HOST -> "host " + host + " could not be resolved";
            case HOST_UNREACHABLE -> "no network route to " + where;
            default -> "I/O error talking to " + where;
        };
        String cause = causeText(e, redactor);
        String verb = failure == GraphTransportException.Failure.CONNECT_TIMEOUT
                || failure == GraphTransportException.Failure.READ_TIMEOUT ? "timed out" : "failed";
        String message = method + " " + uri.getRawPath() + " " + verb + " after " + attempt
                + (attempt == 1 ? " attempt: " : " attempts: ") + detail + (cause.isEmpty() ? "" : " (" + cause + ")");
        return new GraphTransportException(message, e, failure, host, port, attempt);
    }

    static GraphTransportException.Failure classify(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 20; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t);
        }
        // the most telling cause wins: the JDK wraps an unknown host or a TLS failure in a ConnectException
        if (chain.stream().anyMatch(t -> t instanceof java.net.http.HttpConnectTimeoutException)) {
            return GraphTransportException.Failure.CONNECT_TIMEOUT;
        }
        if (chain.stream().anyMatch(t -> t instanceof HttpTimeoutException)) {
            return GraphTransportException.Failure.READ_TIMEOUT;
        }
        if (chain.stream().anyMatch(t -> t instanceof java.net.UnknownHostException
                || t instanceof java.nio.channels.UnresolvedAddressException)) {
            return GraphTransportException.Failure.UNKNOWN_HOST;
        }
        if (chain.stream().anyMatch(t -> t instanceof javax.net.ssl.SSLException)) {
            return GraphTransportException.Failure.TLS;
        }
        // the JDK reports EHOSTUNREACH / ENETUNREACH as a NoRouteToHostException, or a ConnectException saying so
        if (chain.stream().anyMatch(t -> t instanceof java.net.NoRouteToHostException
                || t instanceof java.net.ConnectException && unreachable(t.getMessage()))) {
            return GraphTransportException.Failure.HOST_UNREACHABLE;
        }
        if (chain.stream().anyMatch(t -> t instanceof java.net.ConnectException)) {
            return GraphTransportException.Failure.CONNECTION_REFUSED;
        }
        for (Throwable t : chain) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (t instanceof java.io.EOFException || t instanceof java.nio.channels.ClosedChannelException
                    || m.contains("reset") || m.contains("closed") || m.contains("eof")) {
                return GraphTransportException.Failure.CONNECTION_RESET;
            }
        }
        return GraphTransportException.Failure.OTHER;
    }

    private static boolean unreachable(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("no route to host") || m.contains("network is unreachable");
    }

    /** The first non-empty message in the cause chain, with its type, redacted; empty when there is none. */
    private static String causeText(Throwable e, Redactor redactor) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + ": " + redactor.redact(t.getMessage());
            }
        }
        return e.getClass().getSimpleName();
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    private static GraphError httpOnlyError(int status) {
        return GraphError.of(status, "HTTP " + status + " without a Graph error object", Optional.empty(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("retry-after").flatMap(v -> {
            try {
                long seconds = Long.parseLong(v.strip());
                return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private HttpRequest buildRequest(GraphCallSpec spec) {
        Map<String, String> params = new LinkedHashMap<>(spec.params());
        if (spec.token() != null) {
            addProof(params, spec.token());
        }
        URI uri;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        boolean json = spec.jsonBody() != null;
        boolean form = spec.method() == HttpMethod.POST && !json;
        if (json) {
            // the body as built by the caller, then the parameters (the proof) as fields and the closing brace,
            // handed over as two arrays: the requests are never copied or re-encoded
            uri = URI.create(settings.baseUrl() + "/" + settings.version() + "/" + spec.path());
            body = HttpRequest.BodyPublishers.ofByteArrays(List.of(spec.jsonBody(), jsonFields(params)));
        } else if (spec.absolute().isPresent()) {
            URI abs = spec.absolute().get();
            String extra = FormEncoding.encode(params);
            String query = abs.getRawQuery() == null ? "" : abs.getRawQuery();
            String joined = query.isEmpty() ? extra : extra.isEmpty() ? query : query + "&" + extra;
            uri = URI.create(abs.getScheme() + "://" + abs.getRawAuthority() + abs.getRawPath()
                    + (joined.isEmpty() ? "" : "?" + joined));
        } else {
            String base = settings.baseUrl() + "/" + settings.version() + "/" + spec.path();
            String query = form ? "" : FormEncoding.encode(params);
            uri = URI.create(query.isEmpty() ? base : base + "?" + query);
            if (form) {
                body = HttpRequest.BodyPublishers.ofString(FormEncoding.encode(params));
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json");
        if (spec.token() != null) {
            b.header("Authorization", "Bearer " + spec.token());
        }
        if (form) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        } else if (json) {
            b.header("Content-Type", "application/json");
        }
        return b.method(spec.method().name(), body).build();
    }

    /**
     * The end of a JSON body: each parameter as a string field ({@code ,"name":"value"}), then {@code }}. Text that
     * is not valid Unicode is refused, as for a form.
     */
    static byte[] jsonFields(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            requireValidUnicode(k, k);
            requireValidUnicode(k, v);
            b.append(',').append(Json.write(k)).append(':').append(Json.write(v));
        });
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void requireValidUnicode(String name, String text) {
        int bad = Text.firstUnpairedSurrogate(text);
        if (bad >= 0) {
            throw new IllegalArgumentException("JSON body field '" + Text.replaceUnpairedSurrogates(name)
                    + "' is not valid Unicode: an unpaired UTF-16 surrogate at character " + Text.position(text, bad)
                    + " has no UTF-8 form. It was not sent, because encoding it would silently change it to '?'.");
        }
    }

    private void addProof(Map<String, String> params, String token) {
        switch (settings.proofMode()) {
            case PLAIN:
                params.put("appsecret_proof", AppSecretProofs.plain(settings.appSecret(), token));
                break;
            case TIMED:
                long now = settings.clock().instant().getEpochSecond();
                params.put("appsecret_proof", AppSecretProofs.timed(settings.appSecret(), token, now));
                params.put("appsecret_time", Long.toString(now));
                break;
            default:
                break;
        }
    }

    private void report(HttpMethod method, String path, int attempt, int status, long startNanos, ApiUsage usage,
            ErrorCategory failure) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        if (log.isDebugEnabled()) {
            log.debug("Graph {} {} -> {} in {} ms (attempt {}{})", method, path, status == 0 ? "no response" : status,
                    took.toMillis(), attempt, failure == null ? "" : ", " + failure);
        }
        try {
            settings.listener().onCall(GraphCall.of(method, path, attempt, status, took, usage,
                    Optional.ofNullable(failure)));
        } catch (RuntimeException e) {
            log.warn("GraphCallListener threw {}; ignored", e.getClass().getName());
        }
    }

    private String describePath(GraphCallSpec spec) {
        return spec.absolute().map(URI::getRawPath).orElse("/" + settings.version() + "/" + spec.path());
    }
}
