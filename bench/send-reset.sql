-- Undoes what sendInvitation benchmark runs created (idempotency keys "bench-..."), so every run starts from
-- the generated data: the invitations, their children, notifications and audit events, and the rate-limit
-- counters.
\set ON_ERROR_STOP on
set search_path = ediary;
create temporary table gone as select id from invitation where idempotency_key like 'bench-%';
delete from notification where invitation_id in (select id from gone);
delete from audit_event where invitation_id in (select id from gone);
delete from invitation_child where invitation_id in (select id from gone);
delete from invitation where id in (select id from gone);
delete from rate_limit_window;
