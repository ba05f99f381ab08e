-- diaryAccess: which children the caller sees and why, for parents and trusted persons alike.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local body = [[{"query":"{ diaryAccess { children { capacity trustedAccessId child { id fullName } } nextSteps { code } awaitingActivation { invitationId inviterFullName childrenFullNames expectedActivationAt } } }"}]]
common.rotating(function() return body end)
