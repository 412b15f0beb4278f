-- The rendered views of every document in examples/, through the real
-- native module, against tests/golden/examples/*.txt. Refresh them after a
-- deliberate change with UPDATE_GOLDEN=1 (the lead's make target).
local chronicle = require("chronicle")
local native = require("chronicle.native")

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

local examples = {}
for name in io.popen("ls examples 2>/dev/null"):lines() do
  if name:match("%.txt$") or name:match("%.html?$") or name:match("%.xml$") or name:match("%.md$") then
    examples[#examples + 1] = name
  end
end

describe("examples", function()
  if not native.load() then
    pending("native module not built: run `make`")
    return
  end

  it("exist", function() assert.truthy(#examples >= 2) end)

  for _, name in ipairs(examples) do
    for _, view in ipairs({ "timeline", "people" }) do
      it(("render the %s of %s as in the golden file"):format(view, name), function()
        local path = "examples/" .. name
        local model = assert(chronicle.parse(assert(read(path)), { path = path }))
        local res = assert(chronicle.render(view, model))
        local got = table.concat(res.lines, "\n") .. "\n"
        local golden = ("tests/golden/examples/%s.%s.txt"):format(name, view)
        if os.getenv("UPDATE_GOLDEN") == "1" then
          os.execute("mkdir -p tests/golden/examples")
          write(golden, got)
        end
        local want = read(golden)
        assert(want, golden .. " is missing: run with UPDATE_GOLDEN=1 to create it")
        assert.are.equal(want, got)
      end)
    end
  end
end)
