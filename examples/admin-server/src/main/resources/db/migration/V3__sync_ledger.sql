-- The sync ledger of meta-commerce-sdk-spring's JdbcSyncStateStore (what Meta confirmed, per catalog and retailer
-- id), shared by every instance. Same columns as the DDL shipped in the Spring module; portable across H2 and
-- PostgreSQL (a long varchar, since text is a CLOB on H2).
create table meta_commerce_ledger (
    catalog_id          varchar(64)  not null,
    retailer_id         varchar(255) not null,
    product_id          varchar(255) not null default '',
    content_hash        varchar(128) not null,
    translation_hashes  varchar(1000000) not null default '{}',
    synced_at           timestamp with time zone not null,
    warnings            integer      not null default 0,
    constraint meta_commerce_ledger_pk primary key (catalog_id, retailer_id)
);
