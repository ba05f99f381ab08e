-- The purge jobs (ru.ediary.housekeeping) find old rows by these columns; without them each batch scans the table.
-- Plain, not CONCURRENTLY: a concurrent build waits for every older transaction on the server and hit the
-- migration's statement timeout in tests. A plain build blocks writes to these two tables while it runs; on a
-- large existing table, build the same index CONCURRENTLY by hand before deploying (IF NOT EXISTS then skips it).
create index if not exists rate_limit_window_window_start on rate_limit_window (window_start);
create index if not exists diary_read_read_on on diary_read (read_on);
