/**
 * Meta's side of the data: businesses, catalogs and the items in them.
 */
package io.github.metacommerce.catalog;
