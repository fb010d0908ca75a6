-- The sync ledger keeps, beside each item's content hash, the fingerprint of the store product it came from taken
-- with the store settings and the SDK's mapping version (SyncRecord.fingerprint, hex; null for rows written
-- before, whose products are mapped once more and then get one). A sync counts a product whose fingerprint matches
-- unchanged without mapping it again. Same column as the DDL shipped in meta-commerce-sdk-spring; nullable, so
-- adding it rewrites no row, on H2 and on PostgreSQL.
alter table meta_commerce_ledger add column fingerprint varchar(128);
