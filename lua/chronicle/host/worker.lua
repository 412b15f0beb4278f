--- Background parsing for the Neovim host: the native parse (and, when no
--- user hook is involved, the rendering of a built-in view) runs in a libuv
--- thread-pool thread (`vim.loop.new_work`), so that an edit never blocks
--- typing. The work function runs in a fresh Lua state in another thread: it
--- loads the native module by absolute path, parses, and serialises the
--- model into one string; the main thread decodes it in slices of a few
--- milliseconds. User Lua (on_model, format_* ...) is never called from the
--- worker: it runs on the main thread once the model is back.
---
--- Transport: LuaJIT's string.buffer serialisation when both sides have it,
--- else JSON (vim.json, which Neovim >= 0.6 provides in luv threads too).
--- The payload is a sequence of parts, each an encoded value: the model head
--- (document and scalar fields, list lengths), then the participants, times
--- and events in chunks of 200, then the rendered view if there is one. With
--- string.buffer the parts are simply concatenated (and decoded one by one
--- from the payload without copying it); with JSON the framing is
---   "CHR1 <n> <len1> ... <lenN>\n" .. part1 .. ... .. partN
local M = {}

local uv = vim.loop

---Time budget of one main-thread slice (ms).
M.slice_ms = 3

local function here()
  local src = debug.getinfo(1, "S").source
  if src:sub(1, 1) == "@" then src = src:sub(2) end
  return src:match("^(.*)[/\\]") or "."
end

--- lua/ directory of the plugin (for the worker's package.path).
M.lua_dir = vim.fn.fnamemodify(here() .. "/../..", ":p"):gsub("/$", "")

local has_buffer, sbuf = pcall(require, "string.buffer")
if has_buffer and not (type(sbuf) == "table" and sbuf.encode and sbuf.decode) then has_buffer = false end

--- "buffer" or "json": the transport codec (tests switch it to "json").
M.codec = has_buffer and "buffer" or (vim.json and "json" or nil)

---Why background parsing cannot be used here (nil when it can).
---@return string|nil
function M.unavailable()
  if type(uv.new_work) ~= "function" then return "vim.loop.new_work is missing" end
  if not M.codec then return "neither string.buffer nor vim.json is available" end
  return nil
end

-- The work function. It is dumped and run in another Lua state: no upvalues,
-- only string/number/boolean arguments and results.
-- Returns id and then "ok", payload | "load", message | "error", message.
local function work(id, so_path, lua_dir, codec, text, opts_blob)
  local ok, a, b = pcall(function()
    local enc, dec
    if codec == "buffer" then
      local sb = require("string.buffer")
      enc, dec = sb.encode, sb.decode
    else
      if not (vim and vim.json) then return "load", "no vim.json in the worker thread" end
      enc, dec = vim.json.encode, vim.json.decode
    end
    local W = rawget(_G, "__chronicle_worker")
    if not W or W.so_path ~= so_path then
      local opener, err = package.loadlib(so_path, "luaopen_chronicle_native")
      if not opener then return "load", tostring(err) end
      local lok, mod = pcall(opener)
      if not lok or type(mod) ~= "table" or type(mod.parse) ~= "function" then
        return "load", lok and "luaopen_chronicle_native did not return a module" or tostring(mod)
      end
      package.path = lua_dir .. "/?.lua;" .. lua_dir .. "/?/init.lua;" .. package.path
      W = { so_path = so_path, native = mod }
      rawset(_G, "__chronicle_worker", W)
    end
    local opts = dec(opts_blob)
    local pok, model, perr = pcall(W.native.parse, text, opts.native)
    if not pok then return "error", "chronicle: " .. tostring(model) end
    if not model then return "error", "chronicle: " .. tostring(perr or "the document could not be parsed") end
    local model_util = require("chronicle.model")
    if opts.aliases then model_util.apply_aliases(model, opts.aliases) end

    -- render a built-in view here when the main thread asked for it
    local view
    if opts.view then
      local views = require("chronicle.views")
      local res = views.render(opts.view, model, {
        config = { hooks = {} }, width = opts.width, filter = opts.filter, reported = {},
      })
      if res then
        local ref = {}
        for i, e in ipairs(model.events or {}) do ref[e] = i end
        for i, p in ipairs(model.participants or {}) do ref[p] = -i end
        local item_lines, item_refs, complete = {}, {}, true
        for lnum, item in pairs(res.items) do
          local r = ref[item]
          if not r then complete = false; break end
          item_lines[#item_lines + 1], item_refs[#item_refs + 1] = lnum, r
        end
        if complete then
          local hl_line, hl_s, hl_e, hl_g = {}, {}, {}, {}
          for i, h in ipairs(res.highlights) do
            hl_line[i], hl_s[i], hl_e[i], hl_g[i] = h.line, h.col_start or 0, h.col_end or -1, h.group
          end
          view = { lines = res.lines, folds = res.folds or {}, item_lines = item_lines, item_refs = item_refs,
            hl_line = hl_line, hl_s = hl_s, hl_e = hl_e, hl_g = hl_g }
        end
      end
    end

    local lists = { "participants", "times", "events" }
    local parts, sb_out = {}, codec == "buffer" and require("string.buffer").new() or nil
    if sb_out then enc = function(v) sb_out:encode(v); return "" end end
    local head, counts = {}, {}
    for k, v in pairs(model) do head[k] = v end
    for _, name in ipairs(lists) do
      head[name] = nil
      counts[name] = #(model[name] or {})
    end
    parts[1] = enc({ head = head, counts = counts, view = view ~= nil })
    for _, name in ipairs(lists) do
      local list = model[name] or {}
      for i = 1, #list, 200 do
        local chunk = {}
        for j = i, math.min(i + 199, #list) do chunk[#chunk + 1] = list[j] end
        parts[#parts + 1] = enc(chunk)
      end
    end
    if view then parts[#parts + 1] = enc(view) end
    if sb_out then return "ok", sb_out:tostring() end
    local lens = {}
    for i, p in ipairs(parts) do lens[i] = #p end
    return "ok", "CHR1 " .. #parts .. " " .. table.concat(lens, " ") .. "\n" .. table.concat(parts)
  end)
  if not ok then return id, "error", "chronicle: background parse failed: " .. tostring(a) end
  return id, a, b
end

local function decode(s)
  if M.codec == "buffer" then return sbuf.decode(s) end
  return vim.json.decode(s, { luanil = { object = true, array = true } })
end

local function encode_opts(v)
  if M.codec == "buffer" then return sbuf.encode(v) end
  return vim.json.encode(v)
end

local work_ctx -- one uv work context, reused
local next_id = 0
M._callbacks = {} -- job id -> on_done (jobs may finish out of order)

---@class chronicle.Job
---@field text string
---@field native table options for the native parse (strings, numbers, tables of them)
---@field aliases? table<string,string>
---@field view? string built-in view to render in the worker
---@field width? integer
---@field filter? table
---@field on_done fun(status: string, payload: string) called on the main loop (scheduled)

---Start a background parse. `on_done(status, payload)` runs on the main
---thread (via vim.schedule) with status "ok" (payload: the encoded parts),
---"load" (the worker could not load the module: fall back) or "error".
---@param so_path string absolute path of the native module
---@param job chronicle.Job
---@return boolean started
---@return string|nil err
function M.start(so_path, job)
  local why = M.unavailable()
  if why then return false, why end
  if not work_ctx then
    local ok, ctx = pcall(uv.new_work, work, function(id, status, payload)
      -- a fast (libuv) context: get back to the main loop
      local cb = M._callbacks[id]
      M._callbacks[id] = nil
      if cb then vim.schedule(function() cb(status, payload) end) end
    end)
    if not ok then return false, tostring(ctx) end
    work_ctx = ctx
  end
  local blob = encode_opts({ native = job.native, aliases = job.aliases, view = job.view,
    width = job.width, filter = job.filter })
  next_id = next_id + 1
  local id = next_id
  M._callbacks[id] = job.on_done
  local ok, err = pcall(work_ctx.queue, work_ctx, id, so_path, M.lua_dir, M.codec, job.text, blob)
  if not ok or not err then
    M._callbacks[id] = nil
    return false, tostring(err)
  end
  return true
end

---Split a payload into its parts (strings); nil and a message when it is
---malformed.
---@param payload string
---@return string[]|nil
---@return string|nil err
function M.parts(payload)
  local nl = payload:find("\n", 1, true)
  if not nl or payload:sub(1, 5) ~= "CHR1 " then return nil, "malformed payload" end
  local lens = {}
  for n in payload:sub(6, nl - 1):gmatch("%d+") do lens[#lens + 1] = tonumber(n) end
  local n = table.remove(lens, 1)
  if n ~= #lens then return nil, "malformed payload" end
  local out, pos = {}, nl + 1
  for i, len in ipairs(lens) do
    out[i] = payload:sub(pos, pos + len - 1)
    pos = pos + len
  end
  return out
end

M.decode = decode

---Run `fn` with the garbage collector paused (when it was running), so that
---its allocations do not make the collector owe a large debt that some
---later, unrelated step would have to pay at once.
---@param fn function
function M.without_gc(fn, ...)
  local running = collectgarbage("isrunning")
  if running then collectgarbage("stop") end
  local ok, a, b = pcall(fn, ...)
  if running then collectgarbage("restart") end
  if not ok then error(a, 0) end
  return a, b
end

-- An iterator over the decoded parts of a payload.
local function part_reader(payload)
  if M.codec == "buffer" then
    local b = sbuf.new()
    b:set(payload) -- no copy: decodes straight from the payload
    return function()
      if #b == 0 then return nil end
      return b:decode()
    end
  end
  local parts, err = M.parts(payload)
  if not parts then error(err, 0) end
  local i = 0
  return function()
    i = i + 1
    local p = parts[i]
    if not p then return nil end
    parts[i] = false
    return decode(p)
  end
end

---Decode a payload into a model (and a worker-rendered view, if any) in
---slices of at most about `M.slice_ms`: between slices control goes back to
---the editor (vim.schedule). `alive()` is asked before every slice; when it
---returns false the decoding stops silently. `done(model, view)` runs on the
---main thread at the end; `fail(msg)` on a malformed payload.
---@param payload string
---@param alive fun(): boolean
---@param done fun(model: table, view: table|nil)
---@param fail fun(msg: string)
function M.decode_sliced(payload, alive, done, fail)
  local ok0, next_part = pcall(part_reader, payload)
  if not ok0 then return fail("chronicle: could not decode the background parse: " .. tostring(next_part)) end
  payload = nil
  local lists = { "participants", "times", "events" }
  local model, counts, want_view, view, list_i, finished = nil, nil, false, nil, 1, false
  local function slice()
    local stop = uv.hrtime() + M.slice_ms * 1e6
    repeat
      local v = next_part()
      if v == nil then finished = true; return end
      if not model then
        model, counts, want_view = v.head, v.counts, v.view
        for _, name in ipairs(lists) do model[name] = {} end
      else
        while list_i <= #lists and #model[lists[list_i]] >= (counts[lists[list_i]] or 0) do list_i = list_i + 1 end
        if list_i <= #lists then
          local list = model[lists[list_i]]
          local n = #list
          for j = 1, #v do list[n + j] = v[j] end
        elseif want_view then
          view = v
        end
      end
    until uv.hrtime() >= stop
  end
  local function step()
    if not alive() then return end
    local ok, err = pcall(M.without_gc, slice)
    if not ok then return fail("chronicle: could not decode the background parse: " .. tostring(err)) end
    if not finished then return vim.schedule(step) end
    if not model then return fail("chronicle: the background parse returned nothing") end
    vim.schedule(function()
      if alive() then done(model, view) end
    end)
  end
  step()
end

return M
