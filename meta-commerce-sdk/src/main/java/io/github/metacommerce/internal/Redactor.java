package io.github.metacommerce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a log or an exception message: known secret values and anything that
 * looks like a token parameter.
 */
public final class Redactor {
    private static final Pattern TOKEN_PARAMS = Pattern.compile(
            "(?i)((?<![a-z_])(?:access_token|client_secret|fb_exchange_token|input_token|appsecret_proof)=)[^&\\s\"'<]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._|\\-]+");
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * Creates a redactor for these secret values (nulls and very short values are ignored).
     *
     * @param secrets the values never to show
     * @return the redactor
     */
    public static Redactor of(String... secrets) {
        List<String> list = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                list.add(s);
            }
        }
        return new Redactor(List.copyOf(list));
    }

    /**
     * Returns a redactor that also hides these values.
     *
     * @param more further secret values
     * @return a new redactor
     */
    public Redactor with(String... more) {
        List<String> list = new ArrayList<>(secrets);
        for (String s : more) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                list.add(s);
            }
        }
        return new Redactor(List.copyOf(list));
    }

    /**
     * Redacts the text.
     *
     * @param text the text, may be null
     * @return the text without secrets ("" for null)
     */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "[redacted]");
        }
        out = TOKEN_PARAMS.matcher(out).replaceAll("$1[redacted]");
        return BEARER.matcher(out).replaceAll("$1[redacted]");
    }

    /**
     * Returns a short, redacted, whitespace-collapsed excerpt of a response body.
     *
     * @param body the body
     * @param max the maximum length
     * @return the excerpt
     */
    public String snippet(String body, int max) {
        String collapsed = redact(body).replaceAll("\\s+", " ").strip();
        return collapsed.length() <= max ? collapsed : collapsed.substring(0, max) + "...";
    }
}
