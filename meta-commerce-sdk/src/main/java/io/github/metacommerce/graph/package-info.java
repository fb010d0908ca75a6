/**
 * The Graph API client: typed calls, lazy paging, Meta's usage headers, and the raw escape hatch.
 *
 * <p>Paging types:
 * <ul>
 *   <li>{@link io.github.metacommerce.graph.PageIterable}: a whole Graph list (every page), fetched lazily as you
 *       iterate or stream it; this is what list calls such as
 *       {@link io.github.metacommerce.graph.GraphClient#businesses()} return, and what you normally use.</li>
 *   <li>{@link io.github.metacommerce.graph.Page}: one page of such a list, with its cursor and usage headers;
 *       use {@code pages()} only when you need page boundaries.</li>
 *   <li>{@link io.github.metacommerce.graph.Paged}: the former name of {@code PageIterable}, deprecated.</li>
 * </ul>
 */
package io.github.metacommerce.graph;
