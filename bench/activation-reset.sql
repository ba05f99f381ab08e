-- Puts the generated ACCEPTED invitations (keys gen-N with N not a multiple of 3) back as generated: removes
-- the grants, audit events and notifications their activation made and re-opens them. Used before each
-- activation run so that every run starts from the same data.
\set ON_ERROR_STOP on
set search_path = ediary;
create temporary table reopened as
select id from invitation where idempotency_key ~ '^gen-[0-9]+$' and substr(idempotency_key, 5)::int % 3 <> 0;
delete from notification where invitation_id in (select id from reopened);
delete from audit_event where invitation_id in (select id from reopened);
-- deleting a grant checks that no audit event references it, by a scan of audit_event (that foreign key has
-- no index: the server never deletes grants); without the dead rows that scan is short
vacuum notification;
vacuum audit_event;
delete from trusted_access where invitation_id in (select id from reopened);
update invitation_child set outcome = null where invitation_id in (select id from reopened) and outcome is not null;
update invitation set status = 'ACCEPTED', closed_at = null
where id in (select id from reopened) and status <> 'ACCEPTED';
vacuum analyze invitation;
vacuum analyze invitation_child;
vacuum analyze trusted_access;
