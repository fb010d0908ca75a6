-- The errors view reads 50 rows of 100,000 without sorting or counting them all:
-- * pages run newest first by id (rows are inserted in the order a run finds them), on indexes that end in
--   "id desc", one per filter the view offers; a page orders by all the index's columns (H2 serves an order from
--   an index only then), takes its ids from the index alone, then reads 50 rows by key;
-- * "search by SKU" is a range on sku_key, the hex of the lower-cased SKU's UTF-8 bytes: a prefix of a SKU is a
--   prefix of its key, and hex digits sort the same under every collation, so the range is exact on H2 and on
--   PostgreSQL whatever the database's collation (a LIKE with a parameter is served by neither database's index);
-- * totals and the summary come from product_error_groups, one row per store and kind of problem, rewritten
--   in the transaction that replaces a run's errors.
-- rows recorded before this migration have no key (found by search again once a run replaces them)
alter table product_errors add column sku_key varchar(510) not null default '';

drop index product_errors_store_idx;
drop index product_errors_category_idx;
create index product_errors_recent_idx on product_errors (store_id, id desc);
create index product_errors_category_idx on product_errors (store_id, category, id desc);
create index product_errors_source_idx on product_errors (store_id, source, id desc);
create index product_errors_severity_idx on product_errors (store_id, severity, id desc);
create index product_errors_sku_idx on product_errors (store_id, sku_key, id desc);

create table product_error_groups (
    store_id            bigint        not null references stores (id) on delete cascade,
    category            varchar(40)   not null,
    source              varchar(10)   not null,
    severity            varchar(10)   not null,
    code                varchar(100)  not null,
    field               varchar(200)  not null,
    -- how many rows of product_errors, and how many products, have this problem
    row_count           bigint        not null,
    product_count       bigint        not null,
    example             varchar(4000) not null,
    primary key (store_id, category, source, severity, code, field)
);
insert into product_error_groups (store_id, category, source, severity, code, field, row_count, product_count, example)
select store_id, category, source, severity, code, field, count(*), count(distinct product_id), min(message)
from product_errors group by store_id, category, source, severity, code, field;
