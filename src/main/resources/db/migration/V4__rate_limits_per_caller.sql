-- Rate limits apply to machine clients (school systems) too, which have no account: key by caller.
alter table rate_limit_window drop constraint rate_limit_window_account_id_fkey;
alter table rate_limit_window rename column account_id to caller;
alter table rate_limit_window alter column caller type varchar(255) using caller::text;
