-- The parent dashboard as the PostGraphile peer serves it (bench/postgraphile/schema.sql): the same fields as
-- dashboard.lua in PostGraphile's names (rowId, *List), the same token rotation (common.lua).
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local body = [[{"query":"query Dashboard { me { fullName email phone } myChildrenList { rowId fullName schoolClass { name school { name } } recentMarksList { date subject value weight kind } weekHomeworkList { date lessonNumber subject text } trustedPersonsList { rowId status trustedPerson { fullName } invitedBy { fullName } } } sentInvitations(first: 10) { edges { node { rowId status invitee { fullName } childrenList { fullName } expiresAt } } } }"}]]
common.rotating(function() return body end)
