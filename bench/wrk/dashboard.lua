-- The parent dashboard (docs/diary.md): one GraphQL document, a different parent's token per request.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local body = [[{"query":"query Dashboard { me { fullName email phone } myChildren { id fullName schoolClass { name school { name } } recentMarks { date subject value weight kind } weekHomework { date lessonNumber subject text } trustedPersons { id status trustedPerson { fullName } invitedBy { fullName } } } sentInvitations(first: 10) { edges { node { id status invitee { fullName } children { fullName } expiresAt } } } }"}]]
local rows, i
setup = common.setup
init = function() rows = common.load(); i = thread_id * 7919 end
request = function()
  i = i + 1
  return common.post(rows[i % #rows + 1][1], body)
end
response = common.response
done = common.done
