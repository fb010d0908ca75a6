package io.github.metacommerce.internal;

import java.net.URI;
import java.net.URISyntaxException;

/** Argument checks that fail before any I/O with a message naming the parameter. */
public final class Args {
    private Args() {
    }

    /**
     * Checks a text argument.
     *
     * @param value the value
     * @param name the parameter name, used in the message
     * @return the value, stripped
     */
    public static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value.strip();
    }

    /**
     * Checks a Graph object id used in a path: not blank and free of path or query characters.
     *
     * @param value the id
     * @param name the parameter name
     * @return the id, stripped
     */
    public static String requireId(String value, String name) {
        String id = requireText(value, name);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '%' || c == '&' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException(
                        name + " must be a Graph object id without '/', '?', '#', '%', '&' or spaces");
            }
        }
        return id;
    }

    /**
     * Checks an absolute http(s) URI without query or fragment, used as a base URL.
     *
     * @param value the URI text
     * @param name the option name
     * @return the URI without trailing slash
     */
    public static URI requireBaseUrl(String value, String name) {
        String text = requireText(value, name);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: " + e.getMessage(), e);
        }
        return requireBaseUrl(uri, name);
    }

    /**
     * Checks an absolute http(s) URI without query or fragment, used as a base URL.
     *
     * @param uri the URI
     * @param name the option name
     * @return the URI without trailing slash
     */
    public static URI requireBaseUrl(URI uri, String name) {
        if (uri == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        String scheme = uri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL such as "
                    + "https://graph.facebook.com, was: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " must not carry a query, fragment or user info, was: "
                    + uri.getScheme() + "://" + uri.getHost());
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }
}
