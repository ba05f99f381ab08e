-- The parent dashboard (docs/diary.md): one GraphQL document, a different parent's token per request.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local body = [[{"query":"query Dashboard { me { fullName email phone } myChildren { id fullName schoolClass { name school { name } } recentMarks { date subject value weight kind } weekHomework { date lessonNumber subject text } trustedPersons { id status trustedPerson { fullName } invitedBy { fullName } } } sentInvitations(first: 10) { edges { node { id status invitee { fullName } children { fullName } expiresAt } } } }"}]]
common.rotating(function() return body end)
