/**
 * The Graph API client: typed calls, lazy paging, Meta's usage headers, and the raw escape hatch.
 */
package io.github.metacommerce.graph;
