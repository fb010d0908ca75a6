-- Sync ledger for JdbcSyncStateStore (meta-commerce-sdk-spring), H2. Copy into a Flyway migration.
-- One row per catalog and retailer id; translation_hashes is a JSON object of Meta language value to SHA-256,
-- e.g. {"fr_XX":"9f86d0..."}, '{}' when the item has no translations (varchar without a length, not H2's CLOB).
-- fingerprint (null when none) is the store product's fingerprint with the settings and mapping version, so a
-- sync skips unchanged products without mapping them; a table made before it existed gets it with
--   alter table meta_commerce_ledger add column fingerprint varchar(128);
-- Every lookup (find, save, remove, page through ids, count) filters on catalog_id and, except count, on
-- retailer_id, so the primary key's index serves all of them; no other index is needed.
create table meta_commerce_ledger (
    catalog_id          varchar(64)  not null,
    retailer_id         varchar(255) not null,
    product_id          varchar(255) not null default '',
    content_hash        varchar(128) not null,
    translation_hashes  varchar      not null default '{}',
    synced_at           timestamp with time zone not null,
    warnings            integer      not null default 0,
    fingerprint         varchar(128),
    constraint meta_commerce_ledger_pk primary key (catalog_id, retailer_id)
);
