--- Loads the compiled engine: `native_51.so` for LuaJIT / Lua 5.1 (Neovim),
--- `native_54.so` for Lua 5.4, from this directory. $CHRONICLE_NATIVE
--- overrides it: a directory holding both builds (the sanitizer suites use
--- one, so that a Lua 5.4 CLI started from LuaJIT still finds its own
--- build), or the path of one module. Never raises: `load()` returns nil and
--- a message saying how to build it.
local M = {}

local function here()
  local src = debug.getinfo(1, "S").source
  if src:sub(1, 1) == "@" then src = src:sub(2) end
  return src:match("^(.*)[/\\]") or "."
end

--- File name of the module for this interpreter.
M.filename = (_VERSION == "Lua 5.1") and "native_51.so" or "native_54.so"

---Path the module is loaded from.
---@return string
function M.path()
  local env = os.getenv("CHRONICLE_NATIVE")
  if env and env ~= "" then
    if env:match("%.so$") then return env end
    return env .. "/" .. M.filename
  end
  return here() .. "/" .. M.filename
end

local loaded, load_error

---@class chronicle.Native
---@field version string
---@field libxml2_version string
---@field parse fun(text: string, opts?: table): table|nil, string|nil

---Load the native module (once).
---@return chronicle.Native|nil module
---@return string|nil err
function M.load()
  if loaded then return loaded end
  if load_error then return nil, load_error end
  local path = M.path()
  local ok, opener, err = pcall(package.loadlib, path, "luaopen_chronicle_native")
  if not ok then opener, err = nil, opener end
  if opener then
    local ok2, mod = pcall(opener)
    if ok2 and type(mod) == "table" and type(mod.parse) == "function" then
      loaded = mod
      return mod
    end
    err = ok2 and "luaopen_chronicle_native did not return a module" or tostring(mod)
  end
  load_error = ("chronicle: native module not built: run `make` (%s: %s)"):format(path, tostring(err))
  return nil, load_error
end

return M
