-- Shared by the bench/wrk/*.lua scripts: token lines, per-thread rotation, error counting and one
-- machine-readable RESULT line. Each line of the file in BENCH_LINES is "token<TAB>field<TAB>...".
local M = {}
local threads = {}
local next_id = 1

function M.load()
  local rows = {}
  for line in io.lines(os.getenv("BENCH_LINES")) do
    local row = {}
    for field in string.gmatch(line, "[^\t]+") do
      table.insert(row, field)
    end
    table.insert(rows, row)
  end
  return rows
end

-- Lua-side globals of each thread: its id, a counter, and the errors it saw.
function M.setup(thread)
  thread:set("thread_id", next_id)
  thread:set("errors", 0)
  thread:set("user_errors", 0)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function M.post(token, body)
  return wrk.format("POST", "/graphql", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

-- A 200 with "errors" is a failure; a payload with userErrors a refusal (counted apart).
function M.response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    errors = errors + 1
    if errors <= 3 then
      io.stderr:write("bad response: " .. status .. " " .. string.sub(body or "", 1, 300) .. "\n")
    end
  elseif string.find(body, '"userErrors":[{', 1, true) then
    user_errors = user_errors + 1
    if user_errors <= 3 then
      io.stderr:write("user error: " .. string.sub(body, 1, 300) .. "\n")
    end
  end
end

-- RESULT <tab> req/s <tab> p50 ms <tab> p99 ms <tab> requests <tab> socket errors <tab> failed <tab> refused
function M.done(summary, latency, requests)
  local failed, refused = 0, 0
  for _, t in ipairs(threads) do
    failed = failed + t:get("errors")
    refused = refused + t:get("user_errors")
  end
  local e = summary.errors
  io.write(string.format("RESULT\t%.1f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout + e.status, failed, refused))
end

-- Installs wrk's hooks for a benchmark whose request is body_of(row) for the next token line, each thread
-- starting at its own place in the list.
function M.rotating(body_of)
  local rows, i
  setup = M.setup
  init = function() rows = M.load(); i = thread_id * 7919 end
  request = function()
    i = i + 1
    local row = rows[i % #rows + 1]
    return M.post(row[1], body_of(row))
  end
  response = M.response
  done = M.done
end

return M
