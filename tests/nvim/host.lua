-- End-to-end tests of the Neovim host (commands, keys, hooks, live refresh,
-- follow mode), with a stand-in engine (tests/nvim/fake_native.lua) so that
-- they test the editor side only:
-- nvim --headless -u tests/minimal_init.lua -c "luafile tests/nvim/host.lua"
local H = dofile(vim.g.chronicle_test_root .. "/tests/nvim/harness.lua")
local fake = dofile(H.root .. "/tests/nvim/fake_native.lua")
fake.install()

local api = vim.api
local chronicle = require("chronicle")
local host = require("chronicle.host.nvim")

local DOC = {
  "# Summit news",
  "On 2024-03-14 at 10:00 John Smith met Mary Jones in Geneva.",
  "Smith said NATO would help.",
  "Jones will visit Paris soon.",
}

local tmpdir = vim.fn.tempname()
vim.fn.mkdir(tmpdir, "p")
local doc_path = tmpdir .. "/summit.txt"
vim.fn.writefile(DOC, doc_path)

local function reset(opts)
  fake.fail = nil
  chronicle.setup(opts)
end

-- Open the document and a view; returns doc buffer, view window, view buffer, session.
local function open(view, opts)
  reset(opts)
  vim.cmd("silent! %bwipeout!")
  vim.cmd("edit " .. vim.fn.fnameescape(doc_path))
  local doc = api.nvim_get_current_buf()
  local msgs = H.notifications(function() vim.cmd("Chronicle " .. (view or "timeline")) end)
  H.eq({}, msgs, "notifications while opening")
  local s = H.truthy(host.session(doc), "a session for the document")
  return doc, s.win, s.buf, s
end

local function goto_line(win, needle)
  local buf = api.nvim_win_get_buf(win)
  local row = H.truthy(H.find_line(buf, needle), "a line with " .. needle)
  api.nvim_set_current_win(win)
  api.nvim_win_set_cursor(win, { row, 0 })
  return row
end

local function doc_window(doc)
  for _, w in ipairs(api.nvim_tabpage_list_wins(0)) do
    if api.nvim_win_get_buf(w) == doc then return w end
  end
end

local function marks(buf, ns, group)
  local out = {}
  for _, m in ipairs(api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })) do
    if not group or m[4].hl_group == group then out[#out + 1] = m end
  end
  return out
end

H.test(":Chronicle alone toggles the timeline", function()
  reset()
  vim.cmd("edit " .. vim.fn.fnameescape(doc_path))
  vim.cmd("Chronicle")
  H.eq(1, #H.windows_with_ft("chronicle-timeline"), "timeline windows after :Chronicle")
  vim.cmd("Chronicle")
  H.eq(0, #H.windows_with_ft("chronicle-timeline"), "timeline windows after a second :Chronicle")
  H.eq(1, #api.nvim_list_wins(), "windows")
end)

H.test("the timeline is a read-only scratch buffer in a right split of the configured size", function()
  local _, win, buf = open("timeline", { layout = { size = 40 } })
  H.eq("nofile", vim.bo[buf].buftype, "buftype")
  H.eq("chronicle-timeline", vim.bo[buf].filetype, "filetype")
  H.eq(false, vim.bo[buf].modifiable, "modifiable")
  H.eq(40, api.nvim_win_get_width(win), "width")
  H.eq(api.nvim_win_get_position(win)[2] > 0, true, "on the right")
  local lines = H.lines(buf)
  H.eq("Summit news", lines[1], "title")
  H.eq("3 events · 3 participants · 1 time", lines[2], "counts")
  H.truthy(H.find_line(buf, "meeting     10:00 On 2024-03-14 at 10:00 John Smith met Mary Jones in Geneva — Smith, Jones"), "event row")
  H.truthy(H.find_line(buf, "Undated"), "undated group")
  local day, row = H.find_line(buf, "2024-03-14"), H.find_line(buf, "Smith said")
  api.nvim_win_call(win, function()
    H.eq(1, vim.fn.foldlevel(row), "an event row is inside its day's fold")
    H.eq(1, vim.fn.foldlevel(day), "the day heading starts the fold")
    H.eq(0, vim.fn.foldlevel(1), "the header is outside the folds")
    H.eq(-1, vim.fn.foldclosed(row), "folds start open")
  end)
  H.eq(#marks(buf, host.ns, "ChronicleDate") >= 2, true, "day headings highlighted")
  H.eq(#marks(buf, host.ns, "ChronicleParticipant") >= 4, true, "names highlighted")
end)

H.test("views open on the left, at the bottom, or in a float as configured", function()
  local _, win = open("timeline", { layout = { side = "left", size = 30 } })
  H.eq(0, api.nvim_win_get_position(win)[2], "left column")
  H.eq(30, api.nvim_win_get_width(win), "width")
  _, win = open("timeline", { layout = { side = "bottom", size = 8 } })
  H.eq(8, api.nvim_win_get_height(win), "height")
  _, win = open("people", { layout = { side = "float" } })
  H.eq("editor", api.nvim_win_get_config(win).relative, "floating")
  H.eq("chronicle-people", vim.bo[api.nvim_win_get_buf(win)].filetype, "filetype")
end)

H.test("highlight groups are default links, re-applied on ColorScheme", function()
  open("timeline")
  H.truthy(vim.fn.execute("hi ChronicleHeader"):find("links to Title", 1, true), "ChronicleHeader -> Title")
  vim.cmd("hi clear")
  vim.cmd("doautocmd ColorScheme")
  H.truthy(vim.fn.execute("hi ChronicleDate"):find("links to", 1, true), "ChronicleDate linked again")
  vim.cmd("hi link ChronicleDate ErrorMsg")
  require("chronicle.highlights").apply()
  H.truthy(vim.fn.execute("hi ChronicleDate"):find("ErrorMsg", 1, true), "a user's link wins")
end)

H.test("<CR> on an event jumps to its sentence", function()
  local doc, win = open("timeline")
  goto_line(win, "Smith said NATO")
  H.feed("<CR>")
  H.eq(doc, api.nvim_get_current_buf(), "buffer")
  H.eq({ 3, 0 }, api.nvim_win_get_cursor(0), "cursor")
end)

H.test("<CR> on a participant jumps to its first mention", function()
  local doc, win = open("people")
  goto_line(win, "Mary Jones")
  H.feed("<CR>")
  H.eq(doc, api.nvim_get_current_buf(), "buffer")
  H.eq({ 2, 38 }, api.nvim_win_get_cursor(0), "cursor")
end)

H.test("<CR> jumps into an HTML document at the source bytes", function()
  reset()
  vim.cmd("silent! %bwipeout!")
  vim.cmd("enew")
  api.nvim_buf_set_lines(0, 0, -1, false, {
    "<html><head><title>Geneva</title></head><body>",
    "<article><p>Ана и Жанна: John Smith met Mary Jones.</p></article>", "</body></html>" })
  vim.bo.filetype = "html"
  local doc = api.nvim_get_current_buf()
  vim.cmd("Chronicle people")
  H.eq("html", fake.calls[#fake.calls].format, "format from 'filetype'")
  H.eq(nil, fake.calls[#fake.calls].path, "an unnamed buffer has no path")
  goto_line(host.session(doc).win, "Mary Jones")
  H.feed("<CR>")
  local line = api.nvim_get_current_line()
  local col = api.nvim_win_get_cursor(0)[2]
  H.eq("Mary Jones", line:sub(col + 1, col + 10), "text under the cursor")
end)

H.test("p previews in the document and keeps the focus in the view", function()
  local doc, win = open("timeline")
  goto_line(win, "Jones will visit")
  H.feed("p")
  H.eq(win, api.nvim_get_current_win(), "focus")
  H.eq({ 4, 0 }, api.nvim_win_get_cursor(doc_window(doc)), "document cursor")
  H.eq(1, #marks(doc, host.ns, "ChroniclePreview"), "preview mark")
end)

H.test("a participant's mentions are highlighted; ]m and [m step through them", function()
  local doc, win = open("people")
  goto_line(win, "John Smith")
  vim.cmd("doautocmd CursorMoved")
  H.eq(2, #marks(doc, host.ns, "ChronicleMention"), "mention marks")
  local dw = doc_window(doc)
  api.nvim_win_set_cursor(dw, { 1, 0 })
  H.feed("]m")
  H.eq(win, api.nvim_get_current_win(), "focus stays in the view")
  H.eq({ 2, 23 }, api.nvim_win_get_cursor(dw), "first mention")
  H.feed("]m")
  H.eq({ 3, 0 }, api.nvim_win_get_cursor(dw), "second mention")
  H.feed("]m")
  H.eq({ 2, 23 }, api.nvim_win_get_cursor(dw), "wraps to the first")
  H.feed("[m")
  H.eq({ 3, 0 }, api.nvim_win_get_cursor(dw), "[m wraps back")
  vim.cmd("Chronicle close")
  H.eq(0, #marks(doc, host.ns), "marks cleared on close")
end)

H.test("f filters the timeline to a participant, F clears the filter", function()
  local _, win, buf = open("people")
  goto_line(win, "Mary Jones")
  H.feed("f")
  H.eq("chronicle-timeline", vim.bo[buf].filetype, "switched to the timeline")
  H.truthy(H.find_line(buf, "Filter: Mary Jones"), "filter line")
  H.truthy(H.find_line(buf, "Jones will visit"), "her event")
  H.eq(nil, H.find_line(buf, "Smith said"), "other events hidden")
  H.feed("F")
  H.eq(nil, H.find_line(buf, "Filter:"), "filter cleared")
  H.truthy(H.find_line(buf, "Smith said"), "all events back")
end)

H.test("r refreshes, q closes, ? lists the keys", function()
  local doc, win, buf = open("timeline", { live = false })
  api.nvim_buf_set_lines(doc, 4, 4, false, { "Anna Berg signed the deal." })
  H.eq(nil, H.find_line(buf, "Anna Berg"), "not live")
  api.nvim_set_current_win(win)
  H.feed("r")
  H.truthy(H.find_line(buf, "Anna Berg signed"), "refreshed")
  local msgs = H.notifications(function() H.feed("?") end)
  H.truthy(msgs[1] and msgs[1].msg:find("<CR>", 1, true) and msgs[1].msg:find("]m", 1, true), "help lists keys")
  H.feed("q")
  H.eq(false, api.nvim_win_is_valid(win), "closed")
  H.eq(false, api.nvim_buf_is_valid(buf), "view buffer wiped")
end)

H.test("keys are configurable and false removes one", function()
  local _, win = open("timeline", { keys = { close = "x", help = false } })
  api.nvim_set_current_win(win)
  H.eq("", vim.fn.maparg("?", "n"), "? unmapped")
  H.eq("", vim.fn.maparg("q", "n"), "q unmapped")
  H.feed("x")
  H.eq(false, api.nvim_win_is_valid(win), "x closed the view")
end)

H.test("live refresh: an edit adds a person to the people view, the cursor stays on its item", function()
  local doc, win, buf = open("people", { debounce_ms = 30 })
  goto_line(win, "Mary Jones")
  api.nvim_buf_set_lines(doc, 1, 1, false, { "Anna Berg met Paul Klee in Bern." })
  H.wait(2000, function() return H.find_line(buf, "Anna Berg") ~= nil end, "Anna Berg in the people view")
  H.truthy(H.find_line(buf, "Paul Klee"), "Paul Klee too")
  local row = api.nvim_win_get_cursor(win)[1]
  H.truthy(H.lines(buf)[row]:find("Mary Jones", 1, true), "cursor still on Mary Jones")
  api.nvim_buf_call(doc, function() vim.cmd("silent normal! u") end)
  H.wait(2000, function() return H.find_line(buf, "Anna Berg") == nil end, "undo seen too")
end)

H.test("live refresh debounces: many edits, one parse", function()
  local doc = open("timeline", { debounce_ms = 100 })
  local before = #fake.calls
  for i = 1, 10 do api.nvim_buf_set_lines(doc, -1, -1, false, { "Line " .. i }) end
  vim.wait(400)
  H.eq(1, #fake.calls - before, "parses after ten quick edits")
end)

H.test("follow mode highlights the event under the document cursor", function()
  local doc, win, buf = open("timeline", { layout = { focus = false } })
  local dw = H.truthy(doc_window(doc), "document window")
  H.eq(dw, api.nvim_get_current_win(), "focus stays in the document")
  api.nvim_win_set_cursor(dw, { 4, 3 })
  vim.cmd("doautocmd CursorMoved")
  local row = H.find_line(buf, "Jones will visit")
  H.eq(row, api.nvim_win_get_cursor(win)[1], "view cursor on the event")
  local current = marks(buf, host.ns_current)
  H.eq(1, #current, "one current-event highlight")
  H.eq(row - 1, current[1][2], "on its row")
end)

H.test("a failing hook falls back to the default and is reported once", function()
  local msgs = H.notifications(function()
    reset({ hooks = { format_event = function() error("hook exploded") end } })
    vim.cmd("edit " .. vim.fn.fnameescape(doc_path))
    vim.cmd("Chronicle timeline")
    vim.cmd("Chronicle refresh")
  end)
  local buf = host.session().buf
  H.truthy(H.find_line(buf, "Smith said NATO would help"), "default rows")
  H.eq(1, #msgs, "one notification")
  H.truthy(msgs[1].msg:find("hook exploded", 1, true), "the error is shown")
  H.eq(vim.log.levels.ERROR, msgs[1].level, "as an error")
end)

H.test("format_event, filter_event and on_model hooks shape the view", function()
  local _, _, buf = open("timeline", { hooks = {
    format_event = function(e) return { { "> ", "WarningMsg" }, { e.type } } end,
    filter_event = function(e) return e.type ~= "visit" end,
    on_model = function(m) m.document.title = "Edited title" end,
  } })
  H.eq("Edited title", H.lines(buf)[1], "on_model changed the title")
  H.truthy(H.find_line(buf, "> meeting"), "formatted row")
  H.eq(nil, H.find_line(buf, "> visit"), "filtered out")
end)

H.test("a custom view registers and opens with :Chronicle view NAME", function()
  dofile(H.root .. "/examples/lanes.lua")
  H.truthy(vim.tbl_contains(vim.fn.getcompletion("Chronicle view ", "cmdline"), "lanes"), "completion")
  local doc, win, buf = open("view lanes")
  H.eq("chronicle-lanes", vim.bo[buf].filetype, "filetype")
  H.truthy(H.lines(buf)[1]:find("^Lanes"), "rendered")
  goto_line(win, "Jones")
  H.feed("<CR>")
  H.eq(doc, api.nvim_get_current_buf(), "<CR> jumps from a custom view")
end)

H.test("a failing view or engine reports the error and leaves no window behind", function()
  reset()
  chronicle.register_view("broken", { render = function() error("view exploded") end })
  vim.cmd("edit " .. vim.fn.fnameescape(doc_path))
  local wins = #api.nvim_list_wins()
  local bufs = #api.nvim_list_bufs()
  local msgs = H.notifications(function() vim.cmd("Chronicle view broken") end)
  H.truthy(msgs[1] and msgs[1].msg:find("view exploded", 1, true), "notified")
  H.eq(wins, #api.nvim_list_wins(), "windows")
  H.eq(bufs, #api.nvim_list_bufs(), "buffers")
  fake.fail = "input too large"
  msgs = H.notifications(function() vim.cmd("Chronicle timeline") end)
  H.truthy(msgs[1] and msgs[1].msg:find("input too large", 1, true), "engine error notified")
  H.eq(wins, #api.nvim_list_wins(), "windows after an engine error")
  msgs = H.notifications(function() vim.cmd("Chronicle nonsense") end)
  H.truthy(msgs[1] and msgs[1].msg:find("unknown subcommand", 1, true), "bad subcommand")
end)

H.test(":Chronicle date and :Chronicle lang reach the engine", function()
  local _, _, buf = open("timeline")
  vim.cmd("Chronicle date 2024-03-14")
  H.eq("2024-03-14", fake.calls[#fake.calls].date, "date")
  H.truthy(H.find_line(buf, "2024-03-14 · document date"), "document date marked")
  vim.cmd("Chronicle lang ru")
  H.eq("ru", fake.calls[#fake.calls].language, "language")
  vim.cmd("Chronicle lang auto")
  H.eq("auto", fake.calls[#fake.calls].language, "language back to auto")
end)

H.test("wiping the document closes its view", function()
  local doc, _, buf = open("timeline")
  vim.cmd("vsplit | enew") -- the document is not in the last window
  vim.cmd("bwipeout! " .. doc)
  H.wait(500, function() return #H.windows_with_ft("chronicle-timeline") == 0 end, "the view to close")
  H.eq(false, api.nvim_buf_is_valid(buf), "view buffer wiped")
  H.eq(nil, host.session(doc), "session")
end)

H.test("the document is never changed nor marked modified", function()
  local doc, win = open("people", { debounce_ms = 10 })
  local before, tick = H.lines(doc), api.nvim_buf_get_changedtick(doc)
  api.nvim_set_current_win(win)
  for _, keys in ipairs({ "]m", "[m", "p", "f", "F", "r" }) do
    goto_line(win, "Summit")
    api.nvim_win_set_cursor(win, { 5, 0 })
    H.feed(keys)
    api.nvim_set_current_win(win)
  end
  vim.cmd("Chronicle view timeline")
  vim.cmd("Chronicle close")
  H.eq(before, H.lines(doc), "text")
  H.eq(false, vim.bo[doc].modified, "'modified'")
  H.eq(tick, api.nvim_buf_get_changedtick(doc), "changedtick")
end)

vim.fn.delete(tmpdir, "rf")
H.finish()
