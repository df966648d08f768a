-- A support plan saved as the worker types (PUT /people/{id}/drafts/plan): each
-- request saves the next person's draft with the row_version the last save of that
-- person returned, so no save is stale. Each wrk thread has its own people.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
require("common")

local start, size, next_index
local versions = {}
local token = os.getenv("LOAD_TOKEN")

function init(args)
  start, size = people_slice()
  next_index = 0
end

function request()
  local id = start + next_index
  next_index = (next_index + 1) % size
  local version = versions[id] or "null"
  local body = string.format(
    '{"row_version": %s, "document": {"person": %d, "lines": [{"description": "Personal care, mornings", "weekly_pence": 18500}]}}',
    version, id)
  return wrk.format("PUT", "/api/v1/people/" .. id .. "/drafts/plan",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  local person = body:match('"person":(%d+)')
  local version = body:match('"row_version":(%d+)')
  if person and version then versions[tonumber(person)] = version end
end
