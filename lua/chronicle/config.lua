--- Options: one schema (name, types, default, description) drives the
--- defaults, the validation in `setup()`, the unknown-key warnings and the
--- option list in doc/chronicle.txt (tests/spec/config_spec.lua checks it).
local M = {}

---@alias chronicle.Notify fun(message: string, level: "info"|"warn"|"error")

---@class chronicle.Option
---@field name string dotted path ("layout.side")
---@field type string|string[] "string", "number", "boolean", "function", "table" (fields below), "map" (free keys), "list", "false"
---@field default any
---@field desc string
---@field enum? string[]
---@field values? string[] types of a map's or a list's values
---@field check? fun(v: any): string|nil extra check, returns a problem

local function is_date(v)
  if not v:match("^%d%d%d%d%-%d%d%-%d%d$") then return "must look like YYYY-MM-DD" end
end

local function non_negative(v)
  if v < 0 then return "must not be negative" end
end

local function size_or_false(v)
  if v ~= false and v < 0 then return "must not be negative" end
end

local function key(name, lhs, what)
  return { name = "keys." .. name, type = { "string", "false" }, default = lhs,
    desc = what .. " (false removes the mapping)" }
end

---@type chronicle.Option[]
M.schema = {
  { name = "keys", type = "table", desc = "Keys in the view buffers." },
  key("jump", "<CR>", "Jump to the event's sentence or the participant's first mention"),
  key("preview", "p", "Show that place in the document window, staying in the view"),
  key("next_mention", "]m", "Next mention of the participant under the cursor"),
  key("prev_mention", "[m", "Previous mention of the participant under the cursor"),
  key("filter", "f", "Filter the timeline to the participant under the cursor"),
  key("clear_filter", "F", "Clear the timeline filter"),
  key("refresh", "r", "Parse the document again"),
  key("close", "q", "Close the view"),
  key("help", "?", "List the keys"),

  { name = "layout", type = "table", desc = "Where views open." },
  { name = "layout.side", type = "string", default = "right",
    enum = { "right", "left", "top", "bottom", "float" },
    desc = "Split side, or \"float\" for a floating window" },
  { name = "layout.size", type = "number", default = 0.4, check = non_negative,
    desc = "Split width (left/right) or height (top/bottom): columns/lines, or a fraction of the editor when below 1" },
  { name = "layout.focus", type = "boolean", default = true,
    desc = "Move the cursor into the view when it opens" },
  { name = "layout.float", type = "table", desc = "Floating window geometry (layout.side = \"float\")." },
  { name = "layout.float.width", type = "number", default = 0.8, check = non_negative,
    desc = "Width: columns, or a fraction of the editor when below 1" },
  { name = "layout.float.height", type = "number", default = 0.8, check = non_negative,
    desc = "Height: lines, or a fraction of the editor when below 1" },
  { name = "layout.float.border", type = { "string", "list" }, default = "rounded",
    desc = "Border, as for nvim_open_win()" },

  { name = "debounce_ms", type = "number", default = 300, check = non_negative,
    desc = "Delay after the last edit before the document is parsed again" },
  { name = "live", type = "boolean", default = true,
    desc = "Parse again when the document changes" },
  { name = "async_min_bytes", type = { "number", "false" }, default = 200000, check = size_or_false,
    desc = "Documents of at least this many bytes are parsed in a background thread when a view opens or"
      .. " is refreshed by a command (edits are always parsed in the background); false parses every time"
      .. " on the main thread" },
  { name = "follow", type = "boolean", default = true,
    desc = "Highlight the timeline event under the cursor of the document" },
  { name = "format", type = "string", default = "auto",
    enum = { "auto", "text", "html", "xml", "markdown" },
    desc = "Document format; auto detects from the file name, 'filetype' and content" },
  { name = "language", type = "string", default = "auto", enum = { "auto", "ru", "en" },
    desc = "Document language" },
  { name = "date", type = "string", default = nil, check = is_date,
    desc = "Document date (YYYY-MM-DD) used to anchor relative times, when the document has none" },

  { name = "hooks", type = "table", desc = "Lua functions that customise the views (each runs under pcall)." },
  { name = "hooks.format_event", type = "function", default = nil,
    desc = "format_event(event, ctx) -> string or {{text, hl_group}, ...}; nil keeps the default row" },
  { name = "hooks.format_participant", type = "function", default = nil,
    desc = "format_participant(participant, ctx) -> string or chunks; nil keeps the default row" },
  { name = "hooks.filter_event", type = "function", default = nil,
    desc = "filter_event(event, ctx) -> false hides the event from the timeline" },
  { name = "hooks.sort_events", type = "function", default = nil,
    desc = "sort_events(events, ctx) -> events in the order to show (within each day)" },
  { name = "hooks.on_model", type = "function", default = nil,
    desc = "on_model(model) -> model or nil; post-processes every parsed model" },

  { name = "aliases", type = "map", values = { "string" }, default = {},
    desc = "Mention text or name -> canonical participant name" },
  { name = "lexicon", type = "table", desc = "Extra lexicon entries, passed to the engine." },
  { name = "lexicon.titles", type = "list", values = { "string" }, default = {},
    desc = "Extra titles / professions (\"министр\")" },
  { name = "lexicon.names", type = "list", values = { "string" }, default = {},
    desc = "Extra person names" },
  { name = "lexicon.events", type = "map", values = { "string" }, default = {},
    desc = "Extra event verbs: lemma -> event type" },
  { name = "highlights", type = "map", values = { "table", "string" }, default = {},
    desc = "Highlight group -> nvim_set_hl() definition, or the name of a group to link to" },
}

local by_name = {}
for _, o in ipairs(M.schema) do by_name[o.name] = o end

---Look up an option by its dotted name.
---@param name string
---@return chronicle.Option|nil
function M.option(name) return by_name[name] end

local function deepcopy(v)
  if type(v) ~= "table" then return v end
  local t = {}
  for k, x in pairs(v) do t[k] = deepcopy(x) end
  return t
end
M.deepcopy = deepcopy

local function set_path(t, name, value)
  local parent, last = t, nil
  for part in name:gmatch("[^.]+") do
    if last then
      parent[last] = parent[last] or {}
      parent = parent[last]
    end
    last = part
  end
  parent[last] = value
end

---A fresh copy of the defaults.
---@return table
function M.defaults()
  local d = {}
  for _, o in ipairs(M.schema) do
    if o.type == "table" then set_path(d, o.name, {}) else set_path(d, o.name, deepcopy(o.default)) end
  end
  return d
end

local function types_of(o)
  return type(o.type) == "table" and o.type or { o.type }
end

local function type_ok(t, v)
  if t == "false" then return v == false end
  if t == "map" or t == "list" then return type(v) == "table" end
  return type(v) == t
end

local function describe(o)
  local ts = types_of(o)
  return table.concat(ts, " or ")
end

local function check_values(o, v, problems)
  if not o.values then return end
  for k, x in pairs(v) do
    local problem
    if o.type == "map" and type(k) ~= "string" then
      problem = ("key %s must be a string"):format(tostring(k))
    else
      local ok = false
      for _, t in ipairs(o.values) do
        if type(x) == t then ok = true end
      end
      if not ok then
        problem = ("entry %s must be %s, got %s"):format(tostring(k), table.concat(o.values, " or "), type(x))
      end
    end
    if problem then
      problems[#problems + 1] = ("option `%s`: %s; ignored"):format(o.name, problem)
      v[k] = nil
    end
  end
end

-- Merge the user's `value` for option `name` into `out` (the root of a copy
-- of the defaults), collecting problems; an invalid value keeps the default.
local function merge(out, value, name, problems)
  local o = by_name[name]
  if not o then
    problems[#problems + 1] = ("unknown option `%s`"):format(name)
    return
  end
  local ok = false
  for _, t in ipairs(types_of(o)) do
    if type_ok(t, value) then ok = true end
  end
  if not ok then
    problems[#problems + 1] = ("option `%s` must be %s, got %s; using the default"):format(
      name, describe(o), type(value))
    return
  end
  if o.enum then
    local found = false
    for _, e in ipairs(o.enum) do
      if e == value then found = true end
    end
    if not found then
      problems[#problems + 1] = ("option `%s` must be one of %s, got %q; using the default"):format(
        name, table.concat(o.enum, "|"), tostring(value))
      return
    end
  end
  if o.check and type(value) ~= "table" then
    local problem = o.check(value)
    if problem then
      problems[#problems + 1] = ("option `%s` %s, got %s; using the default"):format(
        name, problem, tostring(value))
      return
    end
  end
  if o.type == "table" then
    for k, v in pairs(value) do
      merge(out, v, name .. "." .. tostring(k), problems)
    end
    return
  end
  value = deepcopy(value)
  if type(value) == "table" then check_values(o, value, problems) end
  local current = M._get_path(out, name)
  if o.type == "map" and type(current) == "table" then
    for k, v in pairs(value) do current[k] = v end
    return
  end
  set_path(out, name, value)
end

function M._get_path(t, name)
  for part in name:gmatch("[^.]+") do
    if type(t) ~= "table" then return nil end
    t = t[part]
  end
  return t
end

---Validate options and merge them over the defaults. Pure: returns the
---merged configuration and the list of problems found.
---@param opts table|nil
---@return table config
---@return string[] problems
function M.resolve(opts)
  local out, problems = M.defaults(), {}
  if opts == nil then return out, problems end
  if type(opts) ~= "table" then
    return out, { ("setup() expects a table, got %s"):format(type(opts)) }
  end
  local names = {}
  for k in pairs(opts) do names[#names + 1] = k end
  table.sort(names, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(names) do merge(out, opts[k], tostring(k), problems) end
  return out, problems
end

local current, current_problems = nil, {}

---Set the options (merged over the defaults). Problems are reported through
---`notify` (one message per problem, level "warn") and kept for :checkhealth.
---@param opts table|nil
---@param notify? chronicle.Notify
---@return table config
function M.setup(opts, notify)
  local cfg, problems = M.resolve(opts)
  current, current_problems = cfg, problems
  if notify then
    for _, p in ipairs(problems) do notify("chronicle: " .. p, "warn") end
  end
  return cfg
end

---The current configuration (the defaults when setup() was never called).
---@return table
function M.get()
  if not current then current = M.defaults() end
  return current
end

---Problems found by the last setup().
---@return string[]
function M.problems() return current_problems end

return M
