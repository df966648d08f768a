-- GET a person's record (or, with LOAD_PATH_SUFFIX=/timeline, their timeline),
-- cycling through the people, signed in with a bearer token.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
require("common")

local start, size, next_index
local suffix = os.getenv("LOAD_PATH_SUFFIX") or ""
local token = os.getenv("LOAD_TOKEN")

function init(args)
  start, size = people_slice()
  next_index = 0
end

function request()
  local id = start + next_index
  next_index = (next_index + 1) % size
  return wrk.format("GET", "/api/v1/people/" .. id .. suffix, { ["Authorization"] = "Bearer " .. token })
end
