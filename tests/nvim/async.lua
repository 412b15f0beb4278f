-- End-to-end tests of background parsing (host/worker.lua) with the real
-- native module: large documents open and refresh without parsing on the
-- main thread, stale results are dropped, failures fall back to the
-- synchronous parse.
-- nvim --headless -u tests/minimal_init.lua -c "luafile tests/nvim/async.lua"
local H = dofile(vim.g.chronicle_test_root .. "/tests/nvim/harness.lua")
local api = vim.api
local chronicle = require("chronicle")
local host = require("chronicle.host.nvim")
local worker = require("chronicle.host.worker")
local native_mod = require("chronicle.native")

local native, native_err = native_mod.load()

-- A ~260 KB document: the example repeated (above the default
-- async_min_bytes of 200 000).
local unit = vim.fn.readfile(H.root .. "/examples/summit-2024-03-14.ru.txt")
local BIG = {}
for _ = 1, 100 do
  vim.list_extend(BIG, unit)
  BIG[#BIG + 1] = ""
end

-- Count parses on the main thread (the worker has its own copy of the module).
local main_parses = 0
if native then
  local parse = native.parse
  native.parse = function(...)
    main_parses = main_parses + 1
    return parse(...)
  end
end

local function new_doc(lines)
  vim.cmd("silent! %bwipeout!")
  vim.wait(20) -- let the views of wiped documents close
  vim.cmd("enew")
  api.nvim_buf_set_lines(0, 0, -1, false, lines)
  vim.bo.modified = false
  return api.nvim_get_current_buf()
end

local function wait_view(doc, ms)
  H.wait(ms or 10000, function()
    local s = host.session(doc)
    return s and s.buf and api.nvim_buf_is_valid(s.buf) and api.nvim_buf_line_count(s.buf) > 1
  end, "the view to be drawn")
  return host.session(doc)
end

local function wait_idle(s)
  H.wait(10000, function() return not s.inflight end, "the background parse to finish")
  vim.wait(100)
end

local function header(s) return api.nvim_buf_get_lines(s.buf, 1, 2, false)[1] end

local function setup(opts)
  host._async_reset()
  worker.codec = "buffer"
  chronicle.setup(opts)
end

H.test("the native module and background parsing are available", function()
  H.truthy(native, "native module: " .. tostring(native_err))
  H.eq(nil, worker.unavailable(), "worker.unavailable()")
end)

H.test("a large document opens in the background: no window until it is drawn, no main-thread parse", function()
  setup()
  local doc = new_doc(BIG)
  local before, started = main_parses, host.stats.started
  local msgs = H.notifications(function() vim.cmd("Chronicle timeline") end)
  H.eq({}, msgs, "notifications")
  H.eq(0, #H.windows_with_ft("chronicle-timeline"), "no view window yet")
  H.eq(started + 1, host.stats.started, "a background parse started")
  local s = wait_view(doc)
  H.eq(1, #H.windows_with_ft("chronicle-timeline"), "one view window")
  H.truthy(header(s):find("events", 1, true), "header with counts: " .. tostring(header(s)))
  H.eq(before, main_parses, "parses on the main thread")
  H.truthy(s.model and #s.model.events > 0, "a model with events")
  local row
  for lnum, item in pairs(s.items) do
    if item.sentence and (not row or lnum < row) then row = lnum end
  end
  H.truthy(row, "an event row mapped to a model event")
  api.nvim_set_current_win(s.win)
  api.nvim_win_set_cursor(s.win, { row, 0 })
  local event = s.items[row]
  H.feed("<CR>")
  H.eq(doc, api.nvim_get_current_buf(), "<CR> jumps into the document")
  H.eq({ event.sentence.line, event.sentence.col }, api.nvim_win_get_cursor(0), "to the sentence")
end)

H.test("the background view is the same as the synchronous one (string.buffer and JSON transports)", function()
  local function lines_with(opts, codec)
    setup(opts)
    worker.codec = codec
    local doc = new_doc(BIG)
    vim.cmd("Chronicle timeline")
    local s = wait_view(doc)
    wait_idle(s)
    local out = H.lines(s.buf)
    local marks = #api.nvim_buf_get_extmarks(s.buf, host.ns, 0, -1, {})
    vim.cmd("Chronicle close")
    return out, marks
  end
  local sync_lines, sync_marks = lines_with({ async_min_bytes = false }, "buffer")
  local buf_lines, buf_marks = lines_with({}, "buffer")
  local json_lines, json_marks = lines_with({}, "json")
  H.truthy(#sync_lines > 10, "a real timeline")
  H.eq(sync_lines, buf_lines, "string.buffer transport")
  H.eq(sync_lines, json_lines, "JSON transport")
  H.eq(sync_marks, buf_marks, "highlights (string.buffer)")
  H.eq(sync_marks, json_marks, "highlights (JSON)")
  worker.codec = "buffer"
end)

H.test("an edit in a large buffer refreshes the view in the background", function()
  setup({ debounce_ms = 20 })
  local doc = new_doc(BIG)
  vim.cmd("Chronicle people")
  local s = wait_view(doc)
  wait_idle(s)
  H.eq(nil, H.find_line(s.buf, "Шойгу"), "not in the people view yet")
  local before, started = main_parses, host.stats.started
  api.nvim_buf_set_lines(doc, 0, 0, false, { "Министр обороны Сергей Шойгу провёл встречу в Москве." })
  H.wait(10000, function() return H.find_line(s.buf, "Шойгу") ~= nil end, "the new person in the people view")
  H.eq(before, main_parses, "parses on the main thread")
  H.truthy(host.stats.started > started, "a background parse started")
end)

H.test("stale results are dropped: only the newest parse is shown", function()
  setup({ live = false, async_min_bytes = 0 })
  local doc = new_doc(BIG)
  vim.cmd("Chronicle timeline")
  local s = wait_view(doc)
  wait_idle(s)
  local dropped, shown = host.stats.dropped, host.stats.shown
  api.nvim_buf_set_lines(doc, 0, 0, false, { "# Первая версия" })
  host.refresh()
  H.truthy(s.inflight, "a parse in flight")
  api.nvim_buf_set_lines(doc, 0, 1, false, { "# Вторая, последняя версия" })
  host.refresh() -- while the first is still running
  H.wait(10000, function() return host.stats.shown > shown and not s.inflight end, "a result to be shown")
  vim.wait(200)
  H.eq(dropped + 1, host.stats.dropped, "results dropped")
  H.eq(shown + 1, host.stats.shown, "results shown")
  H.eq(#table.concat(H.lines(doc), "\n"), s.model.document.bytes, "the model shown is of the newest text")
end)

H.test("closing a view while its document is being parsed leaves nothing behind", function()
  setup()
  local doc = new_doc(BIG)
  local wins, bufs = #api.nvim_list_wins(), #api.nvim_list_bufs()
  vim.cmd("Chronicle timeline")
  local s = H.truthy(host.session(doc), "a session opening")
  vim.cmd("Chronicle") -- toggles: cancels the view that is opening
  H.eq(nil, host.session(doc), "session")
  H.wait(10000, function() return not s.inflight end, "the background parse to end")
  vim.wait(200)
  H.eq(wins, #api.nvim_list_wins(), "windows")
  H.eq(bufs, #api.nvim_list_bufs(), "buffers")
end)

H.test("the document is never changed nor marked modified by background parses", function()
  setup({ debounce_ms = 10, async_min_bytes = 0 })
  local doc = new_doc(BIG)
  local before, tick = H.lines(doc), api.nvim_buf_get_changedtick(doc)
  vim.cmd("Chronicle timeline")
  local s = wait_view(doc)
  host.refresh()
  wait_idle(s)
  vim.cmd("Chronicle view people")
  host.refresh()
  wait_idle(s)
  vim.cmd("Chronicle close")
  H.eq(before, H.lines(doc), "text")
  H.eq(false, vim.bo[doc].modified, "'modified'")
  H.eq(tick, api.nvim_buf_get_changedtick(doc), "changedtick")
end)

H.test("hooks run on the main thread after a background parse", function()
  local seen = {}
  setup({ async_min_bytes = 0, hooks = {
    on_model = function(m)
      seen.on_model = vim.is_thread == nil or not vim.is_thread()
      m.document.title = "Hooked"
    end,
    format_event = function(e) seen.format_event = true; return "* " .. e.type end,
  } })
  local doc = new_doc(BIG)
  vim.cmd("Chronicle timeline")
  local s = wait_view(doc)
  wait_idle(s)
  H.eq(true, seen.on_model, "on_model ran on the main thread")
  H.eq(true, seen.format_event, "format_event ran")
  H.eq("Hooked", H.lines(s.buf)[1], "on_model's change shown")
  local rows = 0
  for _, l in ipairs(H.lines(s.buf)) do
    if l:match("^%* %l+$") then rows = rows + 1 end
  end
  H.truthy(rows > 0, "format_event's rows shown")
end)

H.test("a worker that cannot load the module falls back to the main thread, reported once", function()
  setup({ async_min_bytes = 0 })
  local bogus = vim.fn.tempname() .. ".so"
  vim.fn.writefile({ "not a shared object" }, bogus)
  local saved = native_mod.path
  native_mod.path = function() return bogus end
  local doc = new_doc(BIG)
  local s
  local msgs = H.notifications(function()
    vim.cmd("Chronicle timeline")
    s = wait_view(doc)
    host.refresh()
  end)
  native_mod.path = saved
  vim.fn.delete(bogus)
  H.eq(1, #msgs, "one notification: " .. vim.inspect(msgs))
  H.truthy(msgs[1].msg:find("background", 1, true), "says why")
  H.truthy(host.async_disabled(), "background parsing switched off")
  H.truthy(header(s):find("events", 1, true), "the view is drawn anyway")
  host._async_reset()
end)

H.test("without vim.loop.new_work the parse is synchronous, reported once", function()
  setup({ async_min_bytes = 0 })
  local saved = vim.loop.new_work
  vim.loop.new_work = nil
  local doc = new_doc(unit)
  local msgs = H.notifications(function()
    vim.cmd("Chronicle timeline")
    vim.cmd("Chronicle refresh")
  end)
  vim.loop.new_work = saved
  H.eq(1, #msgs, "one notification: " .. vim.inspect(msgs))
  H.truthy(msgs[1].msg:find("new_work", 1, true), "names what is missing")
  H.truthy(host.session(doc) and host.session(doc).buf, "the view opened at once")
  host._async_reset()
end)

H.finish()
