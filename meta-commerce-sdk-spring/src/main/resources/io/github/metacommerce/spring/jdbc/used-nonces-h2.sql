-- Used OAuth state nonces for JdbcUsedNonceStore (meta-commerce-sdk-spring). Copy into a Flyway migration.
create table oauth_used_nonces (
    nonce       varchar(128) primary key,
    expires_at  timestamp with time zone not null
);
create index oauth_used_nonces_expiry_idx on oauth_used_nonces (expires_at);
