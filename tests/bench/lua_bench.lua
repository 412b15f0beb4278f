-- lua_bench.lua - chr_parse plus the conversion into Lua tables, as the
-- plugin and bin/chronicle pay for it:
--   lua5.4 tests/bench/lua_bench.lua NATIVE_SO RUNS FILE
-- Prints one line:
--   lua <file> <bytes> <runs> <median seconds> <median native seconds> <median overhead>
-- and, when lua/chronicle loads (run from the repository root, with
-- CHRONICLE_NATIVE naming the same module), the same for the facade
-- require("chronicle").parse, which adds the model post-processing:
--   luafacade <file> ...
-- The clock is wall time from luv (lua-luv, which Debian's neovim pulls in),
-- like the native stage timings it is compared with; without luv it falls
-- back to os.clock (CPU time) and the overhead is then only approximate.
-- The native part of each call is the sum of its stage timings (the
-- binding's `timings` option), so the conversion's cost (overhead =
-- total / native - 1) is measured within the same call, immune to the
-- machine getting busier between two programs.  Garbage of a run is
-- collected outside the timed region: the figure is the cost of building
-- the tables, not of freeing them.
local so, runs, file = arg[1], tonumber(arg[2]), arg[3]
if not (so and runs and file) then
  io.stderr:write("usage: lua5.4 lua_bench.lua NATIVE_SO RUNS FILE\n")
  os.exit(2)
end
local open, err = package.loadlib(so, "luaopen_chronicle_native")
if not open then
  io.stderr:write("lua_bench: cannot load ", so, ": ", tostring(err), "\n")
  os.exit(1)
end
local native = open()
local has_uv, uv = pcall(require, "luv")
local clock = has_uv and function() return uv.hrtime() / 1e9 end or os.clock
local f = assert(io.open(file, "rb"))
local text = f:read("a")
f:close()

local function once(parse)
  local t0 = clock()
  local model, perr = parse(text, { path = file, timings = true })
  local dt = clock() - t0
  if not model then
    io.stderr:write("lua_bench: ", file, ": ", tostring(perr), "\n")
    os.exit(1)
  end
  local stages = 0
  for _, sec in pairs(model.timings or {}) do stages = stages + sec end
  model = nil
  collectgarbage("collect")
  return dt, stages
end


local function median(v)
  table.sort(v)
  return #v % 2 == 1 and v[(#v + 1) // 2] or (v[#v // 2] + v[#v // 2 + 1]) / 2
end
local function measure(kind, parse)
  if #text < 50e6 then
    once(parse)  -- warm-up, untimed
  end
  local times, natives, overheads = {}, {}, {}
  for i = 1, runs do
    times[i], natives[i] = once(parse)
    overheads[i] = natives[i] > 0 and times[i] / natives[i] - 1 or 0
  end
  print(string.format("%s\t%s\t%d\t%d\t%.6f\t%.6f\t%.4f", kind, file, #text, runs,
    median(times), median(natives), median(overheads)))
end

measure("lua", native.parse)
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
local has_facade, chronicle = pcall(require, "chronicle")
-- (not on the largest files: one pass through Lua is what they can afford)
if has_facade and type(chronicle) == "table" and chronicle.parse and #text < 50e6 then
  measure("luafacade", chronicle.parse)
end
