package io.github.metacommerce.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer to write. */
final class Reply {
    final int status;
    final String contentType;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    static Reply json(int status, Object body) {
        return new Reply(status, "application/json; charset=UTF-8", Json.bytes(body));
    }

    static Reply json(Object body) {
        return json(200, body);
    }

    static Reply html(int status, String html) {
        return new Reply(status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static Reply redirect(String location) {
        Reply r = new Reply(302, "text/plain; charset=UTF-8", new byte[0]);
        r.headers.put("Location", location);
        return r;
    }

    static Reply raw(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
