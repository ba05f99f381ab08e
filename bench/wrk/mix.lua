-- 90/10 read/write mix: of every 20 requests, 9 dashboards, 9 diary pages, 2 sendInvitation.
-- Lines: token, child id, invitee phone, invitee surname (the sendInvitation file).
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local dashboard = [[{"query":"query Dashboard { me { fullName email phone } myChildren { id fullName schoolClass { name school { name } } recentMarks { date subject value weight kind } weekHomework { date lessonNumber subject text } trustedPersons { id status trustedPerson { fullName } invitedBy { fullName } } } sentInvitations(first: 10) { edges { node { id status invitee { fullName } children { fullName } expiresAt } } } }"}]]
local rows, i, n
local tag = os.getenv("BENCH_TAG") or "x"
setup = common.setup
init = function() rows = common.load(); i = thread_id * 7919; n = 0 end
request = function()
  i = i + 1
  local row = rows[i % #rows + 1]
  local k = i % 20
  if k < 9 then
    return common.post(row[1], dashboard)
  elseif k < 18 then
    return common.post(row[1], '{"query":"query Page($c: ID!) { diary(childId: $c, first: 50) { edges { node { id date lessonNumber subject topic homework attendance teacherName marks { value weight kind comment } } } pageInfo { hasNextPage endCursor } } }","variables":{"c":"' .. row[2] .. '"}}')
  end
  n = n + 1
  return common.post(row[1], '{"query":"mutation Send($k: String!, $in: InvitationInput!) { sendInvitation(idempotencyKey: $k, input: $in) { invitation { id status expiresAt } userErrors { field code } } }","variables":{"k":"bench-'
    .. tag .. '-' .. thread_id .. '-' .. n .. '","in":{"service":"ELECTRONIC_DIARY","childIds":["' .. row[2]
    .. '"],"phone":"' .. row[3] .. '","surname":"' .. row[4] .. '"}}}')
end
response = common.response
done = common.done
