-- diaryAccess: which children the caller sees and why, for parents and trusted persons alike.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local body = [[{"query":"{ diaryAccess { children { capacity trustedAccessId child { id fullName } } nextSteps { code } awaitingActivation { invitationId inviterFullName childrenFullNames expectedActivationAt } } }"}]]
local rows, i
setup = common.setup
init = function() rows = common.load(); i = thread_id * 7919 end
request = function()
  i = i + 1
  return common.post(rows[i % #rows + 1][1], body)
end
response = common.response
done = common.done
