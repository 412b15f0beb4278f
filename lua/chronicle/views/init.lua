--- The view registry. A view is a pure function of the model:
---
---   render(model, ctx) -> { lines = {...}, highlights = {...}, items = {...} }
---
--- `highlights` are {line = 0-based, col_start, col_end (byte columns,
--- end-exclusive, -1 for the end of the line), group}; `items` maps a 1-based
--- line number to the model object shown there (an event, a participant, or
--- anything with a `start` byte offset), which is what <CR> jumps to. The
--- built-in timeline and people views register through `register_view` too.
local M = {}

local hooks = require("chronicle.hooks")

---@class chronicle.View
---@field render fun(model: table, ctx: chronicle.ViewContext): chronicle.ViewResult
---@field filetype? string filetype of the view buffer (default "chronicle-view")
---@field description? string

---@class chronicle.ViewContext
---@field model? table the model being rendered (set by `render`)
---@field config? table the configuration (hooks live in config.hooks)
---@field filter? {participant: string} timeline filter
---@field notify? chronicle.Notify
---@field reported? table<string, boolean> hooks already reported as failing
---@field width? integer width of the window, when there is one

local registry, order, builtins_loaded = {}, {}, false
-- Specs whose results are built by views/lines.lua and so need no checking:
-- on a large document the check costs as much as the render.
local trusted = setmetatable({}, { __mode = "k" })

local function load_builtins()
  if builtins_loaded then return end
  builtins_loaded = true
  trusted[M.register_view("timeline", require("chronicle.views.timeline"))] = true
  trusted[M.register_view("people", require("chronicle.views.people"))] = true
end

---Register (or replace) a view.
---@param name string letters, digits, "_" and "-"
---@param spec chronicle.View
---@return chronicle.View
function M.register_view(name, spec)
  load_builtins()
  if type(name) ~= "string" or not name:match("^[%w_%-]+$") then
    error("chronicle: register_view: name must be a word (letters, digits, _ or -)", 2)
  end
  if type(spec) ~= "table" or type(spec.render) ~= "function" then
    error("chronicle: register_view: spec must be a table with a render function", 2)
  end
  if spec.filetype ~= nil and type(spec.filetype) ~= "string" then
    error("chronicle: register_view: filetype must be a string", 2)
  end
  if not registry[name] then order[#order + 1] = name end
  registry[name] = spec
  return spec
end

---@param name string
---@return chronicle.View|nil
function M.get(name)
  load_builtins()
  return registry[name]
end

---Names of the registered views, in registration order.
---@return string[]
function M.list()
  load_builtins()
  local out = {}
  for i, n in ipairs(order) do out[i] = n end
  return out
end

---Filetype of a view's buffer.
---@param name string
---@return string
function M.filetype(name)
  local spec = M.get(name)
  return spec and spec.filetype or "chronicle-view"
end

local function check_result(res)
  if type(res) ~= "table" or type(res.lines) ~= "table" then
    return "render() must return a table with a `lines` list"
  end
  for i, l in ipairs(res.lines) do
    if type(l) ~= "string" then return ("line %d is a %s, not a string"):format(i, type(l)) end
    if l:find("[\r\n]") then res.lines[i] = l:gsub("[\r\n]", " ") end
  end
  if res.highlights ~= nil and type(res.highlights) ~= "table" then return "`highlights` must be a list" end
  for i, h in ipairs(res.highlights or {}) do
    if type(h) ~= "table" or type(h.line) ~= "number" or type(h.group) ~= "string" then
      return ("highlight %d must be {line=, col_start=, col_end=, group=}"):format(i)
    end
  end
  if res.items ~= nil and type(res.items) ~= "table" then return "`items` must be a table" end
end

---Render a view by name. User views run under pcall; a failure returns
---nil and a message (the caller reports it and draws nothing).
---@param name string
---@param model table
---@param ctx? chronicle.ViewContext
---@return chronicle.ViewResult|nil
---@return string|nil err
function M.render(name, model, ctx)
  local spec = M.get(name)
  if not spec then
    return nil, ("chronicle: no view named %q (views: %s)"):format(tostring(name), table.concat(M.list(), ", "))
  end
  ctx = ctx or {}
  ctx.model = model
  local ok, res = pcall(spec.render, model, ctx)
  if not ok then return nil, ("chronicle: view %s failed: %s"):format(name, tostring(res)) end
  local problem = not trusted[spec] and check_result(res)
  if problem then return nil, ("chronicle: view %s: %s"):format(name, problem) end
  res.highlights = res.highlights or {}
  res.items = res.items or {}
  return res
end

---Look up a user hook in the context's configuration.
---@param ctx chronicle.ViewContext
---@param name string
---@return function|nil
function M.hook(ctx, name)
  local h = ctx and ctx.config and ctx.config.hooks
  local fn = h and h[name]
  if type(fn) == "function" then return fn end
  return nil
end

---Format with a user hook when there is one, else with `default`; the
---hook's result is normalised into chunks, and any failure falls back.
---@param ctx chronicle.ViewContext
---@param name string hook name
---@param default fun(obj: table, ctx: table): table chunks
---@param obj table
---@return table chunks
function M.format(ctx, name, default, obj)
  local fn = M.hook(ctx, name)
  if fn then
    local ok, res = hooks.call(ctx, name, function()
      local value = fn(obj, ctx)
      if value == nil then return nil end
      return require("chronicle.views.lines").chunks(value)
    end)
    if ok and res ~= nil then return res end
  end
  return default(obj, ctx)
end

return M
