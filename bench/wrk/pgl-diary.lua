-- A 30-day diary page (the default range) of one child, as the PostGraphile peer serves it: the same fields as
-- diary.lua in PostGraphile's names, the same token rotation (common.lua).
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
common.rotating(function(row)
    return '{"query":"query Page($c: UUID!) { diary(childId: $c, first: 50) { edges { node { rowId date lessonNumber subject topic homework attendance teacherName marks { value weight kind comment } } } pageInfo { hasNextPage endCursor } } }","variables":{"c":"' .. row[2] .. '"}}'
end)
