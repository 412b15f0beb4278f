--- The Neovim host: the only module that touches buffers, windows, keymaps
--- and autocommands. A session links one document buffer to one view
--- buffer/window. The document buffer is never modified: it is read with
--- nvim_buf_get_lines and decorated only with extmarks in `M.ns`.
---
--- Parsing: edits (after the debounce) and large documents are parsed in a
--- libuv worker thread (host/worker.lua) so that typing is never blocked; a
--- result is used only if no newer parse was asked for since (sequence
--- numbers), and the main-thread work that remains (decoding, user hooks,
--- drawing) runs in slices of a few milliseconds.
local chronicle = require("chronicle")
local config = require("chronicle.config")
local views = require("chronicle.views")
local model_util = require("chronicle.model")
local worker = require("chronicle.host.worker")

local api, uv = vim.api, vim.loop
local M = {}

M.ns = api.nvim_create_namespace("chronicle")              -- marks in documents, view highlights
M.ns_current = api.nvim_create_namespace("chronicle_current") -- follow-mode row in the view

local sessions = {} -- document bufnr -> session
local by_view = {}  -- view bufnr -> session

local function notify(msg, level)
  chronicle.reporter.notify(msg, level or "error")
end

local function cfg() return config.get() end

-- Highlights --------------------------------------------------------------
local hl_group = api.nvim_create_augroup("chronicle", { clear = true })

local function apply_highlights()
  require("chronicle.highlights").apply(cfg().highlights)
end
apply_highlights()
api.nvim_create_autocmd("ColorScheme", { group = hl_group, callback = apply_highlights })

---Called by chronicle.setup() once this module is loaded.
function M.on_setup()
  apply_highlights()
  for _, s in pairs(sessions) do
    if api.nvim_buf_is_valid(s.buf) then M._set_keymaps(s) end
  end
end

-- Document ----------------------------------------------------------------
local ft_format = { html = "html", xhtml = "html", xml = "xml", markdown = "markdown", text = "text" }

local function buf_var(buf, name)
  local ok, v = pcall(api.nvim_buf_get_var, buf, name)
  if ok then return v end
end

---The text of a document buffer, its lines and the parse options.
local function doc_input(doc)
  local lines = api.nvim_buf_get_lines(doc, 0, -1, false)
  local text = table.concat(lines, "\n")
  local name = api.nvim_buf_get_name(doc)
  local c = cfg()
  local format = c.format
  if format == "auto" then format = ft_format[vim.bo[doc].filetype] or "auto" end
  return text, lines, {
    path = name ~= "" and name or nil,
    format = format,
    language = buf_var(doc, "chronicle_lang") or c.language,
    date = buf_var(doc, "chronicle_date") or c.date,
  }
end

---Parse a document buffer on the main thread. Returns the model and the
---line starts of the text that was parsed, or nil and a message.
local function parse(doc)
  local text, lines, opts = doc_input(doc)
  local model, err = chronicle.parse(text, opts)
  if not model then return nil, err end
  return model, model_util.line_starts(lines)
end

-- Background parsing -------------------------------------------------------
local async_off -- why background parsing is not used (reported once)

local function disable_async(why)
  if async_off then return end
  async_off = why
  notify(("chronicle: parsing in the background is unavailable (%s); parsing on the main thread"):format(why), "warn")
end

---Why background parsing is off (after a failure), or nil.
function M.async_disabled() return async_off end

---Forget an earlier failure of background parsing (tests).
function M._async_reset() async_off = nil end

---Absolute path of the native module when the background parse can be
---used for it, else nil. A replaced loader (a stand-in engine) has no
---module file that a thread could load: it is parsed on the main thread.
local function async_module()
  if async_off then return nil end
  local native = require("chronicle.native")
  local ok, path = pcall(native.path)
  if not ok or type(path) ~= "string" or not path:match("%.so$") or vim.fn.filereadable(path) == 0 then return nil end
  if not native.load() then return nil end -- the main-thread parse reports why
  local why = worker.unavailable()
  if why then disable_async(why); return nil end
  return vim.fn.fnamemodify(path, ":p")
end

---Should this parse run in the background? Edits always do; commands
---(opening, `r`, :Chronicle refresh/date/lang) from `async_min_bytes` on.
local function wants_async(doc, reason)
  local min = cfg().async_min_bytes
  if min == false then return false end
  if reason == "edit" then return true end
  local bytes = api.nvim_buf_get_offset(doc, api.nvim_buf_line_count(doc))
  return bytes >= (min or 0)
end

local user_hooks = { "format_event", "format_participant", "filter_event", "sort_events", "on_model" }

local function has_user_hooks()
  local h = cfg().hooks or {}
  for _, name in ipairs(user_hooks) do
    if h[name] ~= nil then return true end
  end
  return false
end

---Can the worker render this view? Only the built-in views, and only when no
---user hook takes part in rendering (user Lua runs on the main thread).
local function worker_view(view)
  if view ~= "timeline" and view ~= "people" then return nil end
  if views.get(view) ~= require("chronicle.views." .. view) then return nil end
  if has_user_hooks() then return nil end
  return view
end

-- Positions ---------------------------------------------------------------
local function clamp_pos(doc, row, col)
  local count = api.nvim_buf_line_count(doc)
  if row > count then row, col = count, 0 end
  if row < 1 then row = 1 end
  local line = api.nvim_buf_get_lines(doc, row - 1, row, false)[1] or ""
  if col > #line then col = #line end
  if col < 0 then col = 0 end
  return row, col
end

local function pos_of(s, offset)
  local row, col = model_util.offset_to_pos(s.starts, offset)
  return clamp_pos(s.doc, row, col)
end

local function doc_window(s)
  if s.origin_win and api.nvim_win_is_valid(s.origin_win)
    and api.nvim_win_get_buf(s.origin_win) == s.doc then
    return s.origin_win
  end
  for _, w in ipairs(api.nvim_tabpage_list_wins(0)) do
    if api.nvim_win_get_buf(w) == s.doc then return w end
  end
end

local function ensure_doc_window(s)
  local w = doc_window(s)
  if w then return w end
  local vertical = cfg().layout.side == "left" or cfg().layout.side == "right"
  if s.win and api.nvim_win_is_valid(s.win) and api.nvim_win_get_config(s.win).relative == "" then
    api.nvim_win_call(s.win, function()
      vim.cmd(vertical and "leftabove vsplit" or "aboveleft split")
      w = api.nvim_get_current_win()
    end)
  else
    vim.cmd("split")
    w = api.nvim_get_current_win()
  end
  api.nvim_win_set_buf(w, s.doc)
  s.origin_win = w
  return w
end

local function cursor_offset(s, win)
  local pos = api.nvim_win_get_cursor(win)
  return model_util.pos_to_offset(s.starts, pos[1], pos[2])
end

-- Document marks ----------------------------------------------------------
local function mark(s, start, finish, group)
  if not start then return end
  local r1, c1 = pos_of(s, start)
  local r2, c2 = pos_of(s, finish or start)
  pcall(api.nvim_buf_set_extmark, s.doc, M.ns, r1 - 1, c1,
    { end_row = r2 - 1, end_col = c2, hl_group = group, priority = 150 })
end

local function clear_marks(s)
  if api.nvim_buf_is_valid(s.doc) then api.nvim_buf_clear_namespace(s.doc, M.ns, 0, -1) end
end

local function show_mentions(s, p)
  clear_marks(s)
  if not p or not p.mentions then return end
  for _, m in ipairs(p.mentions) do mark(s, m.start, m["end"], "ChronicleMention") end
end

-- Items -------------------------------------------------------------------
local function is_event(item) return type(item) == "table" and (item.sentence ~= nil or item.trigger ~= nil) end
local function is_participant(item) return type(item) == "table" and item.mentions ~= nil and item.kind ~= nil end

local function item_key(item)
  if is_event(item) then
    return "e:" .. tostring(item.summary) .. ":" .. tostring(item.trigger and item.trigger.text)
  elseif is_participant(item) then
    return "p:" .. model_util.display_name(item)
  elseif type(item) == "table" then
    return "o:" .. tostring(item.id or item.start)
  end
end

local function item_at_cursor(s)
  if not (s.win and api.nvim_win_is_valid(s.win)) then return nil end
  return s.items and s.items[api.nvim_win_get_cursor(s.win)[1]]
end

local function participant_of(s, item)
  if is_participant(item) then return item end
  if is_event(item) and s.model then
    return model_util.event_participants(s.model, item)[1]
  end
end

-- Drawing -----------------------------------------------------------------
local function render(s)
  local win_ok = s.win and api.nvim_win_is_valid(s.win)
  return chronicle.render(s.view, s.model, {
    filter = s.filter,
    width = win_ok and api.nvim_win_get_width(s.win) or vim.o.columns,
  })
end

-- Add highlights i.. of a result; with a deadline (hrtime), stop when it
-- has passed and return the next index.
local function add_highlights(buf, res, i, deadline)
  local add = api.nvim_buf_add_highlight
  local hl = res.highlights
  if hl then
    local n = #hl
    while i <= n do
      local h = hl[i]
      pcall(add, buf, M.ns, h.group, h.line, h.col_start or 0, h.col_end or -1)
      i = i + 1
      if deadline and i % 256 == 0 and uv.hrtime() > deadline then break end
    end
    return i <= n and i or nil
  end
  -- columnar form (from the worker)
  local line, cs, ce, group = res.hl_line, res.hl_s, res.hl_e, res.hl_g
  local n = #line
  while i <= n do
    pcall(add, buf, M.ns, group[i], line[i], cs[i], ce[i])
    i = i + 1
    if deadline and i % 256 == 0 and uv.hrtime() > deadline then break end
  end
  return i <= n and i or nil
end

-- After a large model has been shown, finish the garbage collector's cycle
-- in slices of a couple of milliseconds while the editor is idle; otherwise
-- the next allocation-heavy step (reading the buffer after the next edit)
-- would pay for the whole cycle at once. The big allocations of a refresh
-- run under worker.without_gc, so the collector owes little and each step
-- here stays small.
local gc_running = false
local function collect_in_slices()
  if gc_running then return end
  gc_running = true
  local function step()
    local stop = uv.hrtime() + 2e6
    repeat
      if collectgarbage("step", 1) then
        gc_running = false
        return
      end
    until uv.hrtime() > stop
    vim.schedule(step)
  end
  vim.schedule(step)
end

---Write a rendered result into the view buffer. `sliced`: the highlights
---are added a few milliseconds at a time (the lines, items and folds at once).
local function draw(s, res, sliced)
  local buf = s.buf
  s.draw_gen = (s.draw_gen or 0) + 1
  api.nvim_buf_clear_namespace(buf, M.ns, 0, -1)
  api.nvim_buf_clear_namespace(buf, M.ns_current, 0, -1)
  vim.bo[buf].modifiable = true
  api.nvim_buf_set_lines(buf, 0, -1, false, res.lines)
  vim.bo[buf].modifiable = false
  vim.bo[buf].modified = false
  if not sliced then
    add_highlights(buf, res, 1)
  else
    local gen = s.draw_gen
    local function step(i)
      if s.closed or s.draw_gen ~= gen or not api.nvim_buf_is_valid(buf) then return end
      local next_i = worker.without_gc(add_highlights, buf, res, i, uv.hrtime() + worker.slice_ms * 1e6)
      if next_i then vim.schedule(function() step(next_i) end) else collect_in_slices() end
    end
    vim.schedule(function() step(1) end)
  end
  s.items, s.line_of = res.items, {}
  for lnum, item in pairs(res.items) do
    if s.line_of[item] == nil then s.line_of[item] = lnum end
  end
  if s.win and api.nvim_win_is_valid(s.win) then
    api.nvim_win_call(s.win, function()
      vim.cmd("silent! normal! zE")
      for _, f in ipairs(res.folds or {}) do vim.cmd(("silent! %d,%dfold"):format(f[1], f[2])) end
      vim.cmd("silent! normal! zR")
    end)
  end
end

local function set_name(s)
  pcall(api.nvim_buf_set_name, s.buf, ("chronicle://%d/%s"):format(s.doc, s.view))
  local ft = views.filetype(s.view)
  if vim.bo[s.buf].filetype ~= ft then vim.bo[s.buf].filetype = ft end
end

---Draw a rendered result, keeping the cursor on the same item.
local function show(s, res, sliced)
  local key = item_key(item_at_cursor(s))
  draw(s, res, sliced)
  if key and s.win and api.nvim_win_is_valid(s.win) then
    for lnum, item in pairs(s.items) do
      if item_key(item) == key then
        pcall(api.nvim_win_set_cursor, s.win, { lnum, 0 })
        break
      end
    end
  end
end

---Redraw a session's view, keeping the cursor on the same item.
local function redraw(s)
  local res, err = render(s)
  if not res then notify(err); return false end
  show(s, res)
  return true
end

-- Layout ------------------------------------------------------------------
local function dim(size, total)
  local n = size < 1 and math.floor(size * total) or math.floor(size)
  return math.max(1, math.min(n, total))
end

local function open_window(buf)
  local L = cfg().layout
  if L.side == "float" then
    local W, H = vim.o.columns, vim.o.lines - vim.o.cmdheight - 2
    local w, h = dim(L.float.width, W), dim(L.float.height, H)
    return api.nvim_open_win(buf, true, {
      relative = "editor", width = w, height = h, style = "minimal", border = L.float.border,
      row = math.floor((H - h) / 2), col = math.floor((W - w) / 2),
    })
  end
  local vertical = L.side == "left" or L.side == "right"
  local size = dim(L.size, vertical and vim.o.columns or vim.o.lines)
  local mods = ({ right = "botright vertical", left = "topleft vertical",
    top = "topleft", bottom = "botright" })[L.side]
  vim.cmd(("%s %dsplit"):format(mods, size))
  local win = api.nvim_get_current_win()
  api.nvim_win_set_buf(win, buf)
  vim.wo[win][vertical and "winfixwidth" or "winfixheight"] = true
  return win
end

local function set_window_options(win)
  local wo = vim.wo[win]
  wo.number, wo.relativenumber, wo.wrap, wo.list, wo.spell = false, false, false, false, false
  wo.signcolumn, wo.foldcolumn, wo.foldmethod = "no", "0", "manual"
  wo.cursorline, wo.foldenable = true, true
end

-- Sessions ----------------------------------------------------------------
local function cleanup(s)
  if s.closed then return end
  s.closed = true
  if s.timer then
    s.timer:stop()
    if not s.timer:is_closing() then s.timer:close() end
  end
  clear_marks(s)
  pcall(api.nvim_del_augroup_by_id, s.augroup)
  if sessions[s.doc] == s then sessions[s.doc] = nil end
  if by_view[s.buf] == s then by_view[s.buf] = nil end
end

local function close_session(s)
  cleanup(s)
  if s.win and api.nvim_win_is_valid(s.win) then
    if not pcall(api.nvim_win_close, s.win, true) then
      -- the last window: show the document, or an empty buffer if it is gone
      local buf = api.nvim_buf_is_valid(s.doc) and s.doc or api.nvim_create_buf(true, false)
      api.nvim_win_set_buf(s.win, buf)
    end
  end
  if s.buf and api.nvim_buf_is_valid(s.buf) then pcall(api.nvim_buf_delete, s.buf, { force = true }) end
end

local refresh_session -- below: it needs the window code that follows

local function schedule_refresh(s)
  if s.closed or not cfg().live then return end
  s.timer = s.timer or uv.new_timer()
  s.timer:stop()
  s.timer:start(cfg().debounce_ms, 0, vim.schedule_wrap(function()
    if not s.closed then refresh_session(s, "edit") end
  end))
end

local function follow(s)
  if s.closed or not cfg().follow or not s.model then return end
  if not (s.win and api.nvim_win_is_valid(s.win)) then return end
  local w = api.nvim_get_current_win()
  if api.nvim_win_get_buf(w) ~= s.doc then return end
  local e = model_util.event_at(s.model, cursor_offset(s, w))
  local lnum = e and s.line_of[e]
  api.nvim_buf_clear_namespace(s.buf, M.ns_current, 0, -1)
  if lnum then
    api.nvim_buf_add_highlight(s.buf, M.ns_current, "ChronicleCurrent", lnum - 1, 0, -1)
    pcall(api.nvim_win_set_cursor, s.win, { lnum, 0 })
  end
end

local function attach(s)
  s.augroup = api.nvim_create_augroup(("chronicle_%d"):format(s.doc), { clear = true })
  api.nvim_create_autocmd({ "CursorMoved", "CursorMovedI" }, {
    group = s.augroup, buffer = s.doc, callback = function() follow(s) end,
  })
  api.nvim_create_autocmd({ "BufWipeout", "BufDelete" }, {
    group = s.augroup, buffer = s.doc, callback = function() vim.schedule(function() close_session(s) end) end,
  })
  api.nvim_create_autocmd("BufWipeout", {
    group = s.augroup, buffer = s.buf, callback = function() cleanup(s) end,
  })
  api.nvim_create_autocmd("CursorMoved", {
    group = s.augroup, buffer = s.buf,
    callback = function()
      local item = item_at_cursor(s)
      if is_participant(item) then show_mentions(s, item) else clear_marks(s) end
    end,
  })
  -- on_lines sees every change: typing, :s, formatters, other plugins, the API.
  api.nvim_buf_attach(s.doc, false, {
    on_lines = function()
      if s.closed then return true end
      schedule_refresh(s)
    end,
    on_reload = function()
      if not s.closed then schedule_refresh(s) end
    end,
  })
end

---Create the window of a new session and draw `res` in it. Everything that
---can fail for a reason of the document is done before; on an error here,
---nothing is left behind.
local function build(s, res, sliced)
  local origin = api.nvim_get_current_win()
  local ok, oerr = pcall(function()
    s.buf = api.nvim_create_buf(false, true)
    vim.bo[s.buf].bufhidden = "wipe"
    vim.bo[s.buf].swapfile = false
    set_name(s)
    s.win = open_window(s.buf)
    set_window_options(s.win)
    draw(s, res, sliced)
    M._set_keymaps(s)
    attach(s)
  end)
  if not ok then
    cleanup(s)
    if s.win and api.nvim_win_is_valid(s.win) then pcall(api.nvim_win_close, s.win, true) end
    if s.buf and api.nvim_buf_is_valid(s.buf) then pcall(api.nvim_buf_delete, s.buf, { force = true }) end
    if api.nvim_win_is_valid(origin) then api.nvim_set_current_win(origin) end
    notify("chronicle: could not open the view: " .. tostring(oerr))
    return false
  end
  sessions[s.doc], by_view[s.buf] = s, s
  if not cfg().layout.focus and api.nvim_win_is_valid(origin) then api.nvim_set_current_win(origin) end
  return true
end

---Show a model that was just parsed: render it (unless the worker did) and
---draw it, in the session's window or, for a view still opening, a new one.
local function present(s, model, starts, res, sliced)
  s.model, s.starts = model, starts
  if not res then
    local err
    res, err = render(s)
    if not res then
      notify(err)
      if not s.buf then cleanup(s) end
      return false
    end
  end
  if not s.buf then return build(s, res, sliced) end
  if not api.nvim_buf_is_valid(s.buf) then return false end
  show(s, res, sliced)
  return true
end

--- Counters for tests and :checkhealth: background parses started, results
--- dropped because a newer parse was asked for, results shown.
M.stats = { started = 0, dropped = 0, shown = 0 }

local start_async

---The result of a background parse, on the main thread.
local function on_result(s, job, status, payload)
  s.inflight = nil
  if s.closed then return end
  if job.seq ~= s.seq then -- a newer parse was asked for: drop this one
    M.stats.dropped = M.stats.dropped + 1
    if s.rerun then
      s.rerun = false
      refresh_session(s, "edit")
    end
    return
  end
  s.rerun = false
  if status == "load" then
    disable_async(payload)
    return refresh_session(s, job.reason)
  end
  if status ~= "ok" then
    notify(payload)
    if not s.buf then cleanup(s) end
    return
  end
  local function alive()
    return not s.closed and s.seq == job.seq and api.nvim_buf_is_valid(s.doc)
  end
  worker.decode_sliced(payload, alive, function(model, view)
    worker.without_gc(function()
      local c = cfg()
      model = chronicle._post_process(model, c, true) -- aliases were applied in the worker
      local res
      if view and job.view == s.view and not has_user_hooks()
        and (job.filter and job.filter.participant) == (s.filter and s.filter.participant) then
        local items, events, participants = {}, model.events, model.participants
        for i, lnum in ipairs(view.item_lines) do
          local r = view.item_refs[i]
          items[lnum] = r > 0 and events[r] or participants[-r]
        end
        res = { lines = view.lines, folds = view.folds, items = items,
          hl_line = view.hl_line, hl_s = view.hl_s, hl_e = view.hl_e, hl_g = view.hl_g }
      end
      local opening = not s.buf
      if present(s, model, job.starts, res, true) then
        M.stats.shown = M.stats.shown + 1
        -- edits made while a view was opening were not watched yet
        if opening and api.nvim_buf_get_changedtick(s.doc) ~= job.tick then schedule_refresh(s) end
      end
    end)
  end, function(msg)
    notify(msg)
    if not s.buf then cleanup(s) end
  end)
end

---Parse a session's document in the background; false when that could not
---start (the caller parses on the main thread). At most one parse per
---session is in flight: a newer request waits for it, drops its result and
---starts again.
start_async = function(s, so, reason)
  if s.inflight then
    s.rerun = true
    return true
  end
  local text, lines, popts = worker.without_gc(doc_input, s.doc)
  local c = cfg()
  local job = {
    seq = s.seq, reason = reason, tick = api.nvim_buf_get_changedtick(s.doc),
    starts = worker.without_gc(model_util.line_starts, lines), view = worker_view(s.view),
    filter = s.filter and { participant = s.filter.participant } or nil,
  }
  local aliases = type(c.aliases) == "table" and next(c.aliases) ~= nil and c.aliases or nil
  local started, err = worker.start(so, {
    text = text, native = chronicle._native_options(popts, c), aliases = aliases,
    view = job.view, filter = job.filter,
    width = s.win and api.nvim_win_is_valid(s.win) and api.nvim_win_get_width(s.win) or vim.o.columns,
    on_done = function(status, payload) on_result(s, job, status, payload) end,
  })
  if not started then
    disable_async(err or "the worker could not start")
    return false
  end
  s.inflight = job.seq
  M.stats.started = M.stats.started + 1
  return true
end

---Parse a session's document again and show it. `reason`: "edit" (live
---refresh), "command" or "open".
refresh_session = function(s, reason)
  if s.closed or not api.nvim_buf_is_valid(s.doc) then return end
  s.seq = (s.seq or 0) + 1 -- any parse still running is now stale
  local so = async_module()
  if so and wants_async(s.doc, reason) and start_async(s, so, reason) then return end
  local model, starts = parse(s.doc)
  if not model then
    notify(starts)
    if not s.buf then cleanup(s) end
    return
  end
  present(s, model, starts)
end

local function session_for(buf)
  return by_view[buf] or sessions[buf]
end

local function current_session()
  return session_for(api.nvim_get_current_buf())
end

-- Actions -----------------------------------------------------------------
local actions = {}

local function goto_offset(s, start, finish, focus)
  if not start then notify("chronicle: nothing to jump to on this line", "info"); return end
  if focus and cfg().layout.side == "float" and s.win and api.nvim_win_is_valid(s.win) then
    api.nvim_win_close(s.win, true)
  end
  local w = ensure_doc_window(s)
  local row, col = pos_of(s, start)
  api.nvim_win_set_cursor(w, { row, col })
  api.nvim_win_call(w, function() vim.cmd("silent! normal! zv") end)
  if focus then
    api.nvim_set_current_win(w)
  else
    clear_marks(s)
    mark(s, start, finish, "ChroniclePreview")
  end
end

local function target(item)
  local start = model_util.target_offset(item)
  if not start then return nil end
  if is_event(item) then return start, item.sentence and item.sentence["end"] end
  if is_participant(item) then
    local m = model_util.first_mention(item)
    return start, m and m["end"]
  end
  return start, item["end"]
end

function actions.jump(s)
  local a, b = target(item_at_cursor(s))
  goto_offset(s, a, b, true)
end

function actions.preview(s)
  local a, b = target(item_at_cursor(s))
  goto_offset(s, a, b, false)
end

local function step_mention(s, dir)
  local p = participant_of(s, item_at_cursor(s))
  if not p or not p.mentions or #p.mentions == 0 then
    notify("chronicle: no participant on this line", "info")
    return
  end
  local mentions = {}
  for i, m in ipairs(p.mentions) do mentions[i] = m end
  table.sort(mentions, function(a, b) return a.start < b.start end)
  local w = ensure_doc_window(s)
  local here = cursor_offset(s, w)
  local idx
  if dir > 0 then
    for i, m in ipairs(mentions) do if m.start > here then idx = i; break end end
    idx = idx or 1
  else
    for i = #mentions, 1, -1 do if mentions[i].start < here then idx = i; break end end
    idx = idx or #mentions
  end
  local m = mentions[idx]
  show_mentions(s, p)
  local row, col = pos_of(s, m.start)
  api.nvim_win_set_cursor(w, { row, col })
  api.nvim_win_call(w, function() vim.cmd("silent! normal! zv") end)
  api.nvim_echo({ { ("%s: mention %d/%d"):format(model_util.display_name(p), idx, #mentions) } }, false, {})
end

function actions.next_mention(s) step_mention(s, 1) end
function actions.prev_mention(s) step_mention(s, -1) end

function actions.filter(s)
  local p = participant_of(s, item_at_cursor(s))
  if not p then notify("chronicle: no participant on this line", "info"); return end
  s.filter = { participant = p.id }
  s.view = "timeline"
  set_name(s)
  redraw(s)
end

function actions.clear_filter(s)
  s.filter = nil
  redraw(s)
end

function actions.refresh(s) refresh_session(s, "command") end
function actions.close(s) close_session(s) end

function actions.help()
  local keys, lines = cfg().keys, { "chronicle keys:" }
  for _, o in ipairs(config.schema) do
    local name = o.name:match("^keys%.(.+)$")
    if name and keys[name] then lines[#lines + 1] = ("  %-6s %s"):format(keys[name], (o.desc:gsub(" %(false.*", ""))) end
  end
  notify(table.concat(lines, "\n"), "info")
end

M.actions = actions

function M._set_keymaps(s)
  for name, lhs in pairs(s.mapped or {}) do
    pcall(vim.keymap.del, "n", lhs, { buffer = s.buf })
    s.mapped[name] = nil
  end
  s.mapped = {}
  for name, lhs in pairs(cfg().keys) do
    if type(lhs) == "string" and lhs ~= "" and actions[name] then
      vim.keymap.set("n", lhs, function()
        local ok, err = pcall(actions[name], s)
        if not ok then notify("chronicle: " .. tostring(err)) end
      end, { buffer = s.buf, nowait = true, silent = true, desc = "chronicle: " .. name })
      s.mapped[name] = lhs
    end
  end
end

-- Public API ----------------------------------------------------------------

---Open (or switch to) a view of the current document buffer.
---@param view? string
function M.open(view)
  view = view or "timeline"
  if not views.get(view) then
    notify(("chronicle: no view named %q (views: %s)"):format(view, table.concat(views.list(), ", ")))
    return
  end
  local s = current_session()
  if s and s.win and api.nvim_win_is_valid(s.win) then
    s.view = view
    set_name(s)
    if redraw(s) then api.nvim_set_current_win(s.win) end
    return s
  end
  if s then close_session(s) end

  local doc = api.nvim_get_current_buf()
  s = { doc = doc, view = view, origin_win = api.nvim_get_current_win(), seq = 0 }
  -- registered at once, so that commands find a view that is still opening
  sessions[doc] = s
  refresh_session(s, "open")
  if s.closed then return nil end
  if not s.buf then
    local kb = math.floor(api.nvim_buf_get_offset(doc, api.nvim_buf_line_count(doc)) / 1024)
    api.nvim_echo({ { ("chronicle: parsing %d KB in the background…"):format(kb), "ChronicleMuted" } }, false, {})
  end
  return s
end

---Close the view of the current buffer (or the current view).
function M.close()
  local s = current_session()
  if s then close_session(s) end
end

---Parse the current document again and redraw its view.
function M.refresh()
  local s = current_session()
  if s then refresh_session(s, "command") else notify("chronicle: no view is open for this buffer", "info") end
end

---Toggle the timeline of the current buffer.
function M.toggle()
  local s = current_session()
  -- a view still opening (background parse) is cancelled too
  if s and (not s.buf or (s.win and api.nvim_win_is_valid(s.win))) then close_session(s) else M.open("timeline") end
end

---The session of a buffer (document or view), for tests and integrations.
---@param buf? integer
function M.session(buf) return session_for(buf or api.nvim_get_current_buf()) end

local function set_doc_var(name, value)
  local s = current_session()
  local doc = s and s.doc or api.nvim_get_current_buf()
  if value == nil then pcall(api.nvim_buf_del_var, doc, name) else api.nvim_buf_set_var(doc, name, value) end
  if s then refresh_session(s, "command") end
end

local subcommands = { "timeline", "people", "view", "refresh", "close", "date", "lang" }

---:Chronicle {args}
---@param args string[]
function M.command(args)
  local sub, arg = args[1], args[2]
  if sub == nil then
    M.toggle()
  elseif sub == "timeline" or sub == "people" then
    M.open(sub)
  elseif sub == "view" then
    if not arg then notify("chronicle: :Chronicle view NAME (views: " .. table.concat(views.list(), ", ") .. ")"); return end
    M.open(arg)
  elseif sub == "refresh" then
    M.refresh()
  elseif sub == "close" then
    M.close()
  elseif sub == "date" then
    if arg == nil or arg == "auto" then
      set_doc_var("chronicle_date", nil)
    elseif arg:match("^%d%d%d%d%-%d%d%-%d%d$") then
      set_doc_var("chronicle_date", arg)
    else
      notify("chronicle: :Chronicle date YYYY-MM-DD (or auto)")
    end
  elseif sub == "lang" then
    if arg == "ru" or arg == "en" or arg == "auto" then
      set_doc_var("chronicle_lang", arg ~= "auto" and arg or nil)
    else
      notify("chronicle: :Chronicle lang ru|en|auto")
    end
  else
    notify(("chronicle: unknown subcommand %q (%s)"):format(sub, table.concat(subcommands, ", ")))
  end
end

---Completion for :Chronicle.
function M.complete(arglead, cmdline, cursorpos)
  local words = vim.split(cmdline:sub(1, cursorpos), "%s+")
  local n = #words - 1
  local candidates = {}
  if n == 1 then
    candidates = subcommands
  elseif n == 2 and words[2] == "view" then
    candidates = views.list()
  elseif n == 2 and words[2] == "lang" then
    candidates = { "ru", "en", "auto" }
  elseif n == 2 and words[2] == "date" then
    local s = current_session()
    local d = s and s.model and s.model.document and s.model.document.date
    candidates = { d or os.date("%Y-%m-%d"), "auto" }
  end
  local out = {}
  for _, c in ipairs(candidates) do
    if c:sub(1, #arglead) == arglead then out[#out + 1] = c end
  end
  return out
end

return M
