-- The store's products (package product). The indexed columns are copies of what the document says, for lists,
-- filters and search; the document is the product itself.

create table products (
    store_id        bigint        not null references stores (id) on delete cascade,
    product_id      varchar(255)  not null,
    sku             varchar(255)  not null default '',
    name            varchar(500)  not null default '',
    -- active | draft | archived (the SDK's ProductStatus, lower case)
    status          varchar(20)   not null,
    -- false when the product (every variant) has a stock quantity of 0 or less and backorders are denied
    in_stock        boolean       not null,
    variant_count   int           not null default 0,
    -- the product as JSON, the same shape PUT /products takes (ProductDocument)
    document        varchar(1000000) not null,
    created_at      timestamp with time zone not null,
    -- changes only when the document changes
    updated_at      timestamp with time zone not null,
    -- set by the sync package after a run that synced this product; null = never synced
    last_synced_at  timestamp with time zone,
    primary key (store_id, product_id)
);
create index products_store_sku_idx on products (store_id, sku);
create index products_store_status_idx on products (store_id, status);
create index products_store_updated_idx on products (store_id, updated_at);

-- one row per catalog item the product becomes: the product itself, or each variant (retailer id = the SKU, stripped)
create table product_items (
    store_id        bigint        not null,
    product_id      varchar(255)  not null,
    retailer_id     varchar(255)  not null,
    primary key (store_id, product_id, retailer_id),
    foreign key (store_id, product_id) references products (store_id, product_id) on delete cascade
);
create index product_items_retailer_idx on product_items (store_id, retailer_id);
