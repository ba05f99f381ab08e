-- A 30-day diary page (the default range) of one child, for the child's parent or trusted person.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
common.rotating(function(row)
  return '{"query":"query Page($c: ID!) { diary(childId: $c, first: 50) { edges { node { id date lessonNumber subject topic homework attendance teacherName marks { value weight kind comment } } } pageInfo { hasNextPage endCursor } } }","variables":{"c":"' .. row[2] .. '"}}'
end)
