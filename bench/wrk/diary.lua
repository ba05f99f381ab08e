-- A 30-day diary page (the default range) of one child, for the child's parent or trusted person.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local rows, i
setup = common.setup
init = function() rows = common.load(); i = thread_id * 7919 end
request = function()
  i = i + 1
  local row = rows[i % #rows + 1]
  return common.post(row[1], '{"query":"query Page($c: ID!) { diary(childId: $c, first: 50) { edges { node { id date lessonNumber subject topic homework attendance teacherName marks { value weight kind comment } } } pageInfo { hasNextPage endCursor } } }","variables":{"c":"' .. row[2] .. '"}}')
end
response = common.response
done = common.done
