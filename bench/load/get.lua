-- GET one path (LOAD_PATH) again and again, with a bearer token if LOAD_TOKEN is set.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
require("common")

local path = os.getenv("LOAD_PATH")
local token = os.getenv("LOAD_TOKEN")

function request()
  local headers = {}
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", path, headers)
end
