--- Deterministic JSON encoder for the chronicle model (docs/model.md).
---
--- Objects whose shape the model defines are written with their keys in the
--- model's order; a key the model lists but the table lacks is written as
--- `null` (or `[]` for a list). Keys the model does not list (fields may be
--- added) follow, sorted by name. Valid UTF-8 passes through; control
--- characters are escaped; a byte that is not part of valid UTF-8 becomes
--- U+FFFD so that every line stays valid JSON. Integral numbers print
--- without a fraction on Lua 5.1, LuaJIT and Lua 5.4 alike.
local M = {}

local concat, sort, format = table.concat, table.sort, string.format
local type, pairs, tostring, floor, huge = type, pairs, tostring, math.floor, math.huge
local byte, char, find, gsub = string.byte, string.char, string.find, string.gsub
local utf8_len = rawget(_G, "utf8") and utf8.len or nil
local math_type = math.type

-- Shapes ------------------------------------------------------------------
-- A shape is a list of {key, subshape}; subshape is nil (scalar), a shape
-- (object), or {list = shape} (array of objects) / {list = true} (array of
-- scalars).
local LIST_SCALARS = { list = true }

local span_shape = { { "start" }, { "end" }, { "line" }, { "col" } }

local role_shape = { { "text" }, { "title" }, { "of" }, { "start" }, { "end" } }
local mention_shape = { { "start" }, { "end" }, { "line" }, { "col" }, { "text" }, { "type" } }

local participant_shape = {
  { "id" }, { "kind" }, { "name" }, { "given" }, { "patronymic" }, { "family" },
  { "roles", { list = role_shape } },
  { "mentions", { list = mention_shape } },
  { "events", LIST_SCALARS },
}

local time_shape = {
  { "id" }, { "text" }, { "start" }, { "end" }, { "line" }, { "col" },
  { "value" }, { "type" }, { "anchored" },
}

local event_shape = {
  { "id" }, { "order" }, { "type" },
  { "trigger", { { "text" }, { "lemma" }, { "start" }, { "end" } } },
  { "summary" },
  { "sentence", span_shape },
  { "time", { { "id" }, { "value" }, { "start" }, { "end" } } },
  { "tense" },
  { "participants", { list = { { "id" }, { "role" } } } },
  { "place", { { "text" }, { "id" } } },
}

local document_shape = {
  { "path" }, { "format" }, { "language" }, { "title" }, { "date" },
  { "date_source" }, { "bytes" }, { "warnings", LIST_SCALARS },
}

--- The shape of a whole model (exported for tests and documentation).
M.model_shape = {
  { "schema" },
  { "document", document_shape },
  { "participants", { list = participant_shape } },
  { "times", { list = time_shape } },
  { "events", { list = event_shape } },
}

-- Scalars -----------------------------------------------------------------
local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
for i = 0, 31 do
  local c = char(i)
  if not escapes[c] then escapes[c] = format("\\u%04x", i) end
end
escapes["\127"] = "\\u007f"

local REPLACEMENT = "\239\191\189" -- U+FFFD

--- Replace every byte that is not part of a well-formed UTF-8 sequence.
local function fix_utf8(s)
  local out, n, i, len = {}, 0, 1, #s
  local run = 1 -- start of the pending valid run
  while i <= len do
    local c = byte(s, i)
    local need, lo, hi = 0, 0x80, 0xBF
    if c < 0x80 then
      need = 0
    elseif c >= 0xC2 and c <= 0xDF then
      need = 1
    elseif c >= 0xE0 and c <= 0xEF then
      need = 2
      if c == 0xE0 then lo = 0xA0 elseif c == 0xED then hi = 0x9F end
    elseif c >= 0xF0 and c <= 0xF4 then
      need = 3
      if c == 0xF0 then lo = 0x90 elseif c == 0xF4 then hi = 0x8F end
    else
      need = -1
    end
    local ok = need >= 0
    if ok and need > 0 then
      for k = 1, need do
        local d = byte(s, i + k)
        local dlo, dhi = 0x80, 0xBF
        if k == 1 then dlo, dhi = lo, hi end
        if not d or d < dlo or d > dhi then ok = false; break end
      end
    end
    if ok then
      i = i + need + 1
    else
      n = n + 1; out[n] = s:sub(run, i - 1)
      n = n + 1; out[n] = REPLACEMENT
      i = i + 1
      run = i
    end
  end
  n = n + 1; out[n] = s:sub(run)
  return concat(out)
end

local function valid_utf8(s)
  if utf8_len then return utf8_len(s) ~= nil end
  return fix_utf8(s) == s
end

local function encode_string_raw(s)
  if find(s, "[\128-\255]") and not valid_utf8(s) then s = fix_utf8(s) end
  if find(s, '[%c"\\]') then s = gsub(s, '[%c"\\]', escapes) end
  return '"' .. s .. '"'
end

-- Strings repeat a lot in a model (kinds, types, mention texts): memoise
-- their encoding for the duration of one `encode` call.
local cache, cached = {}, 0

local function encode_string(s)
  local e = cache[s]
  if e then return e end
  e = encode_string_raw(s)
  if #s <= 64 then
    if cached > 100000 then cache, cached = {}, 0 end
    cache[s] = e
    cached = cached + 1
  end
  return e
end

local function encode_number(x)
  if math_type and math_type(x) == "integer" then return tostring(x) end
  if x ~= x or x == huge or x == -huge then return "null" end
  if x == floor(x) and x > -1e15 and x < 1e15 then return format("%d", x) end
  for digits = 14, 17 do
    local s = format("%." .. digits .. "g", x)
    if tonumber(s) == x then return s end
  end
  return format("%.17g", x)
end
M.encode_number = encode_number

-- Encoder -----------------------------------------------------------------
local encode_value

local function is_sequence(t)
  local n = #t
  if n == 0 then return false end
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

local function sorted_keys(t, skip)
  local keys, n = {}, 0
  for k in pairs(t) do
    if not (skip and skip[k]) then n = n + 1; keys[n] = tostring(k) end
  end
  sort(keys)
  return keys, n
end

local function encode_list(buf, n, t, item_shape)
  if type(t) ~= "table" then n = n + 1; buf[n] = "[]"; return n end
  n = n + 1; buf[n] = "["
  for i = 1, #t do
    if i > 1 then n = n + 1; buf[n] = "," end
    n = encode_value(buf, n, t[i], item_shape)
  end
  n = n + 1; buf[n] = "]"
  return n
end

-- Per shape: the set of its keys and the '"key":' prefixes, computed once.
local compiled = setmetatable({}, { __mode = "k" })

local function compile(shape)
  local c = { known = {}, prefix = {}, key = {}, sub = {}, list = {}, n = #shape }
  for i = 1, #shape do
    local key, sub = shape[i][1], shape[i][2]
    c.known[key] = true
    c.key[i] = key
    c.prefix[i] = (i == 1 and '"' or ',"') .. key .. '":'
    if sub and sub.list then
      c.list[i] = true
      c.sub[i] = sub.list ~= true and sub.list or false
    else
      c.sub[i] = sub or false
    end
  end
  compiled[shape] = c
  return c
end

local function encode_extras(buf, n, t, known, first)
  local keys, count = sorted_keys(t, known)
  for i = 1, count do
    local key = keys[i]
    local v = t[key]
    if v == nil then v = t[tonumber(key)] end
    local tv = type(v)
    if tv ~= "function" and tv ~= "userdata" and tv ~= "thread" then
      if not first then n = n + 1; buf[n] = "," end
      first = false
      n = n + 1; buf[n] = encode_string(key) .. ":"
      n = encode_value(buf, n, v, nil)
    end
  end
  return n
end

local function encode_object(buf, n, t, shape)
  n = n + 1; buf[n] = "{"
  if not shape then
    n = encode_extras(buf, n, t, nil, true)
  else
    local c = compiled[shape] or compile(shape)
    local key, sub, prefix, list = c.key, c.sub, c.prefix, c.list
    for i = 1, c.n do
      n = n + 1; buf[n] = prefix[i]
      local v = t[key[i]]
      local tv = type(v)
      if tv == "string" then
        n = n + 1; buf[n] = cache[v] or encode_string(v)
      elseif tv == "number" and math_type and math_type(v) == "integer" then
        n = n + 1; buf[n] = tostring(v)
      elseif tv == "nil" and not list[i] then
        n = n + 1; buf[n] = "null"
      elseif list[i] then
        n = encode_list(buf, n, v, sub[i] or nil)
      else
        n = encode_value(buf, n, v, sub[i] or nil)
      end
    end
    local known = c.known
    for k in pairs(t) do
      if not known[k] then
        n = encode_extras(buf, n, t, known, c.n == 0)
        break
      end
    end
  end
  n = n + 1; buf[n] = "}"
  return n
end

encode_value = function(buf, n, v, shape)
  local tv = type(v)
  if tv == "string" then
    n = n + 1; buf[n] = encode_string(v)
  elseif tv == "number" then
    n = n + 1; buf[n] = encode_number(v)
  elseif tv == "boolean" then
    n = n + 1; buf[n] = v and "true" or "false"
  elseif tv == "table" then
    if shape then
      n = encode_object(buf, n, v, shape)
    elseif is_sequence(v) then
      n = encode_list(buf, n, v, nil)
    else
      n = encode_object(buf, n, v, nil)
    end
  else
    n = n + 1; buf[n] = "null"
  end
  return n
end

---Encode any Lua value; tables without a shape get sorted keys.
---@param value any
---@param shape? table a shape as in `M.model_shape`
---@return string
function M.encode(value, shape)
  local buf = {}
  local n = encode_value(buf, 0, value, shape)
  cache, cached = {}, 0
  return concat(buf, "", 1, n)
end

---Encode a chronicle model (keys in the order of docs/model.md).
---@param model table
---@return string
function M.encode_model(model)
  return M.encode(model, M.model_shape)
end

---Encode the object printed in place of a document that could not be read.
---@param path string|nil
---@param message string
---@return string
function M.encode_error(path, message)
  local doc = path == nil and "null" or encode_string(path)
  return '{"schema":"chronicle/1","error":' .. encode_string(message)
    .. ',"document":{"path":' .. doc .. "}}"
end

M.fix_utf8 = fix_utf8
M.encode_string = encode_string

return M
