-- sendInvitation: each request a new invitation (fresh idempotency key) from a parent for their child to
-- another person found by phone. Lines: token, child id, invitee phone, invitee surname; bench/send-reset.sql
-- deletes what a run created so every run starts from the same data.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local rows, i, n
local tag = os.getenv("BENCH_TAG") or "x"
setup = common.setup
init = function() rows = common.load(); i = thread_id * 7919; n = 0 end
function send_body(row)
  n = n + 1
  return '{"query":"mutation Send($k: String!, $in: InvitationInput!) { sendInvitation(idempotencyKey: $k, input: $in) { invitation { id status expiresAt } userErrors { field code } } }","variables":{"k":"bench-'
    .. tag .. '-' .. thread_id .. '-' .. n .. '","in":{"service":"ELECTRONIC_DIARY","childIds":["' .. row[2]
    .. '"],"phone":"' .. row[3] .. '","surname":"' .. row[4] .. '"}}}'
end
request = function()
  i = i + 1
  local row = rows[i % #rows + 1]
  return common.post(row[1], send_body(row))
end
response = common.response
done = common.done
