-- The public calculator: POST answers to the published example rulebook, no sign-in.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
require("common")

local body = os.getenv("LOAD_BODY")

function request()
  return wrk.format("POST", os.getenv("LOAD_PATH"), { ["Content-Type"] = "application/json" }, body)
end
