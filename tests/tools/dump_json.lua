-- Developer tool: prints the native model of each FILE as one JSON line,
-- without the Lua layer (for scoring a native build in isolation):
--   CHRONICLE_NATIVE=build/x/rel/native_54.so lua5.4 tests/tools/dump_json.lua FILE...
local cjson = require("cjson")
local path = os.getenv("CHRONICLE_NATIVE") or "lua/chronicle/native_54.so"
local native = assert(package.loadlib(path, "luaopen_chronicle_native"))()
local date = os.getenv("CHRONICLE_DATE")
local status = 0
for _, file in ipairs(arg) do
  local f = io.open(file, "rb")
  if not f then
    io.stderr:write("dump_json: cannot open ", file, "\n")
    status = 1
    print(cjson.encode({ schema = "chronicle/1", error = "cannot open", document = { path = file } }))
  else
    local text = f:read("*a")
    f:close()
    local model, err = native.parse(text, { path = file, date = date })
    print(cjson.encode(model or { schema = "chronicle/1", error = err, document = { path = file } }))
  end
end
os.exit(status)
