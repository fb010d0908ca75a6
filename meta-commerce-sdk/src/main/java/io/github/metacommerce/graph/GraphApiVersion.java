package io.github.metacommerce.graph;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Graph API version such as {@code v27.0}, pinned in every request path.
 *
 * <p>Meta keeps a version usable for about two years after its successor ships, and catalog endpoints documented
 * under the Marketing API may follow that API's shorter (about one year) schedule; whether they do is not
 * confirmed, so the SDK's default is always the newest version. The default is bumped on purpose, in a release
 * whose changelog says so.
 *
 * <pre>{@code
 * MetaCommerceClient.builder().apiVersion(GraphApiVersion.of("v26.0"))...
 * }</pre>
 */
public final class GraphApiVersion implements Comparable<GraphApiVersion> {
    private static final Pattern FORMAT = Pattern.compile("v([1-9][0-9]{0,2})\\.0");

    /** v27.0, released by Meta on 2026-11-04. */
    public static final GraphApiVersion V27_0 = new GraphApiVersion(27);

    /** The version the SDK uses unless told otherwise: {@link #V27_0}. */
    public static final GraphApiVersion DEFAULT = V27_0;

    private final int major;

    private GraphApiVersion(int major) {
        this.major = major;
    }

    /**
     * Parses a version written as Meta writes it.
     *
     * @param version e.g. {@code "v27.0"}
     * @return the version
     * @throws IllegalArgumentException if {@code version} is null or not of the form {@code vNN.0}
     */
    public static GraphApiVersion of(String version) {
        if (version == null || !FORMAT.matcher(version.trim()).matches()) {
            throw new IllegalArgumentException(
                    "apiVersion must look like \"v27.0\" (a 'v', the major version, '.0'), was: " + version);
        }
        var m = FORMAT.matcher(version.trim());
        m.matches();
        return new GraphApiVersion(Integer.parseInt(m.group(1)));
    }

    /**
     * Returns the major version number.
     *
     * @return e.g. 27
     */
    public int major() {
        return major;
    }

    /**
     * Returns the path segment, e.g. {@code v27.0}.
     *
     * @return the version as Meta writes it
     */
    @Override
    public String toString() {
        return "v" + major + ".0";
    }

    @Override
    public int compareTo(GraphApiVersion o) {
        return Integer.compare(major, o.major);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphApiVersion v && v.major == major;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major);
    }
}
