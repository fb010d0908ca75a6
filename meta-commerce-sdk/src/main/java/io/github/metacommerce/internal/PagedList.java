package io.github.metacommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metacommerce.exception.GraphResponseParseException;
import io.github.metacommerce.graph.Page;
import io.github.metacommerce.graph.PageIterable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily fetched Graph list that follows {@code paging.next}. The link is checked to point at the configured
 * Graph host (the token is never sent elsewhere) and stripped of any credentials Meta put in it; the SDK's own
 * header and proof are added again.
 *
 * @param <T> the item type
 */
public final class PagedList<T> implements PageIterable<T> {
    private final GraphHttp http;
    private final GraphCallSpec first;
    private final Function<JsonNode, T> mapper;

    /**
     * Creates the list; nothing is fetched until it is iterated.
     *
     * @param http the transport
     * @param first the call for the first page
     * @param mapper maps one element of {@code data} to an item
     */
    public PagedList(GraphHttp http, GraphCallSpec first, Function<JsonNode, T> mapper) {
        this.http = http;
        this.first = first;
        this.mapper = mapper;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = pages().iterator();
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    current = pages.next().items().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    @Override
    public Iterable<Page<T>> pages() {
        return PageIterator::new;
    }

    private final class PageIterator implements Iterator<Page<T>> {
        private GraphCallSpec next = first;
        private URI previous;

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Page<T> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            GraphResult result = http.execute(next);
            JsonNode body = result.body();
            JsonNode data = body.get("data");
            if (data == null || !data.isArray()) {
                throw new GraphResponseParseException("list response has no \"data\" array", result.status(),
                        Redactor.of().snippet(body.toString(), 200), null);
            }
            List<T> items = new ArrayList<>(data.size());
            for (JsonNode element : data) {
                items.add(mapper.apply(element));
            }
            JsonNode paging = body.path("paging");
            Optional<String> after = Json.text(paging.path("cursors"), "after");
            Optional<String> link = Json.text(paging, "next").filter(s -> !s.isBlank());
            URI nextUri = link.map(l -> checkedNextLink(l, result.status())).orElse(null);
            if (nextUri == null || nextUri.equals(previous)) {
                next = null;
            } else {
                previous = nextUri;
                next = first.at(nextUri);
            }
            return new Page<>(items, after, link.isPresent(), result.usage());
        }
    }

    private URI checkedNextLink(String link, int status) {
        URI base = http.settings().baseUrl();
        URI uri;
        try {
            uri = base.resolve(link.strip());
        } catch (IllegalArgumentException e) {
            throw new GraphResponseParseException("paging.next is not a URL", status, "", e);
        }
        boolean sameOrigin = base.getScheme().equalsIgnoreCase(uri.getScheme())
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && port(base) == port(uri)
                && uri.getRawPath() != null
                && uri.getRawPath().startsWith(base.getRawPath() == null ? "" : base.getRawPath());
        if (!sameOrigin) {
            throw new GraphResponseParseException("paging.next points outside the configured Graph base URL ("
                    + base.getHost() + "); refusing to send the token there", status, uri.getHost(), null);
        }
        String query = FormEncoding.without(uri.getRawQuery(), GraphHttp.CREDENTIAL_PARAMS);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
                + (query.isEmpty() ? "" : "?" + query));
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
