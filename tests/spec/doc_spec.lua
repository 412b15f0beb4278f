-- doc/chronicle.txt: the option list and the highlight groups are generated
-- from lua/chronicle/config.lua and lua/chronicle/highlights.lua; drift
-- fails here, UPDATE_GOLDEN=1 rewrites the two sections.
local config = require("chronicle.config")
local highlights = require("chronicle.highlights")

local DOC = "doc/chronicle.txt"

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function wrap(text, indent, width)
  local out, line = {}, indent
  for word in text:gmatch("%S+") do
    if #line > #indent and #line + 1 + #word > width then
      out[#out + 1] = line
      line = indent
    end
    line = (#line > #indent) and (line .. " " .. word) or (line .. word)
  end
  if #line > #indent then out[#out + 1] = line end
  return out
end

local function show_default(v)
  if type(v) == "string" then return ("%q"):format(v) end
  if type(v) == "table" then return "{}" end
  return tostring(v)
end

local function options_section()
  local out = {}
  for _, o in ipairs(config.schema) do
    local types = type(o.type) == "table" and table.concat(o.type, "|") or o.type
    local head = ("%-24s %s"):format(o.name, types)
    if o.type ~= "table" then head = head .. ("   default: %s"):format(show_default(o.default)) end
    out[#out + 1] = ("  " .. head):gsub("%s+$", "")
    local desc = o.desc
    if o.enum then desc = desc .. ". One of: " .. table.concat(o.enum, ", ") .. "." end
    for _, l in ipairs(wrap(desc, "      ", 78)) do out[#out + 1] = l end
  end
  return out
end

local function highlights_section()
  local out = {}
  for _, g in ipairs(highlights.groups) do
    out[#out + 1] = ("  %-22s %-12s %s"):format(g[1], g[2], g[3])
  end
  return out
end

local sections = {
  { name = "options", generate = options_section },
  { name = "highlights", generate = highlights_section },
}

local function markers(name)
  return ("  >>> generated %s: do not edit, run UPDATE_GOLDEN=1 busted"):format(name),
    ("  <<< end of generated %s"):format(name)
end

describe("doc/chronicle.txt", function()
  for _, sec in ipairs(sections) do
    it("lists the " .. sec.name .. " exactly as the code defines them", function()
      local doc = read(DOC)
      local open, close = markers(sec.name)
      local a = doc:find(open, 1, true)
      local b = doc:find(close, 1, true)
      assert(a and b, DOC .. " lacks the markers of the generated " .. sec.name)
      local body = table.concat(sec.generate(), "\n")
      local current = doc:sub(a + #open + 1, b - 2)
      if os.getenv("UPDATE_GOLDEN") == "1" and current ~= body then
        doc = doc:sub(1, a + #open) .. body .. "\n" .. doc:sub(b)
        local f = assert(io.open(DOC, "wb"))
        f:write(doc)
        f:close()
        current = body
      end
      assert.are.equal(body, current)
    end)
  end

  it("has the tags users look for", function()
    local doc = read(DOC)
    for _, tag in ipairs({ "*chronicle*", "*chronicle.txt*", "*:Chronicle*", "*chronicle-config*",
      "*chronicle-options*", "*chronicle-views*", "*chronicle-keys*", "*chronicle-hooks*",
      "*chronicle-highlights*", "*chronicle-cli*", "*chronicle.setup()*", "*chronicle.register_view()*" }) do
      assert.truthy(doc:find(tag, 1, true), DOC .. " lacks the tag " .. tag)
    end
    for line in doc:gmatch("[^\n]*") do
      local _, continuation = line:gsub("[\128-\191]", "")
      assert.truthy(#line - continuation <= 78, "line longer than 78 characters: " .. line)
    end
  end)
end)
