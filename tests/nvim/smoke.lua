-- End-to-end smoke test with the real native module:
-- nvim --headless -u tests/minimal_init.lua -c "luafile tests/nvim/smoke.lua"
local H = dofile(vim.g.chronicle_test_root .. "/tests/nvim/harness.lua")
local api = vim.api

local example = H.root .. "/examples/summit-2024-03-14.ru.txt"

H.test("the plugin loads", function()
  H.eq(1, vim.g.loaded_chronicle, "vim.g.loaded_chronicle")
end)

H.test(":Chronicle exists and completes its subcommands and views", function()
  H.truthy(api.nvim_get_commands({}).Chronicle, ":Chronicle is defined")
  local subs = vim.fn.getcompletion("Chronicle ", "cmdline")
  for _, s in ipairs({ "timeline", "people", "view", "refresh", "close", "date", "lang" }) do
    H.truthy(vim.tbl_contains(subs, s), "completion offers " .. s)
  end
  H.eq({ "people" }, vim.fn.getcompletion("Chronicle pe", "cmdline"), "prefix completion")
  local names = vim.fn.getcompletion("Chronicle view ", "cmdline")
  H.truthy(vim.tbl_contains(names, "timeline") and vim.tbl_contains(names, "people"), "view names")
  H.eq({ "ru", "en", "auto" }, vim.fn.getcompletion("Chronicle lang ", "cmdline"), "languages")
end)

local native, native_err = require("chronicle.native").load()

H.test("the native module loads inside Neovim and matches the plugin's version", function()
  H.truthy(native, "native module: " .. tostring(native_err))
  H.eq(require("chronicle").version, native.version, "native version")
  H.truthy(type(native.libxml2_version) == "string", "libxml2 version")
end)

local function open_example(path, view)
  H.truthy(native, "native module not built: run `make`")
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local doc = api.nvim_get_current_buf()
  local msgs = H.notifications(function() vim.cmd("Chronicle " .. view) end)
  H.eq({}, msgs, "notifications")
  local wins = H.windows_with_ft("chronicle-" .. view)
  H.eq(1, #wins, view .. " windows")
  local buf = api.nvim_win_get_buf(wins[1])
  return doc, wins[1], buf, require("chronicle.host.nvim").session(buf)
end

local function first_event_row(s)
  local row
  for lnum, item in pairs(s.items) do
    if item.sentence and (not row or lnum < row) then row = lnum end
  end
  return row
end

H.test(":Chronicle timeline opens a chronicle-timeline scratch window", function()
  local _, win, buf = open_example(example, "timeline")
  H.eq("nofile", vim.bo[buf].buftype, "buftype")
  H.eq(win, api.nvim_get_current_win(), "focus")
  H.truthy(H.find_line(buf, "event"), "header with counts")
end)

H.test("the timeline of the example lists its events", function()
  local _, _, _, s = open_example(example, "timeline")
  H.truthy(first_event_row(s), "an event row")
end)

local function check_jump(path)
  local doc, win, _, s = open_example(path, "timeline")
  local row = H.truthy(first_event_row(s), "an event row")
  local event = s.items[row]
  api.nvim_win_set_cursor(win, { row, 0 })
  H.feed("<CR>")
  H.eq(doc, api.nvim_get_current_buf(), "current buffer after <CR>")
  H.eq({ event.sentence.line, event.sentence.col }, api.nvim_win_get_cursor(0), "cursor after <CR>")
end

H.test("<CR> on an event jumps to its sentence (text)", function() check_jump(example) end)
H.test("<CR> on an event jumps to its sentence (HTML)", function()
  check_jump(H.root .. "/examples/caspian-forum.html")
end)

H.test("the document buffer is never changed nor marked modified", function()
  vim.cmd("edit " .. vim.fn.fnameescape(example))
  local doc = api.nvim_get_current_buf()
  local before, tick = H.lines(doc), api.nvim_buf_get_changedtick(doc)
  pcall(vim.cmd, "Chronicle timeline")
  pcall(vim.cmd, "Chronicle people")
  pcall(vim.cmd, "Chronicle refresh")
  pcall(vim.cmd, "Chronicle close")
  H.eq(before, H.lines(doc), "document text")
  H.eq(false, vim.bo[doc].modified, "'modified'")
  H.eq(tick, api.nvim_buf_get_changedtick(doc), "changedtick")
end)

H.test(":Chronicle close closes the view", function()
  open_example(example, "timeline")
  vim.cmd("Chronicle close")
  H.eq(0, #H.windows_with_ft("chronicle-timeline"), "timeline windows")
  H.eq(1, #api.nvim_list_wins(), "windows")
end)

H.test(":Chronicle people opens the people view", function()
  local _, _, buf = open_example(example, "people")
  H.truthy(H.find_line(buf, "persons"), "people header")
end)

H.test(":checkhealth chronicle reports Neovim, the native module and libxml2", function()
  vim.cmd("checkhealth chronicle")
  local text = table.concat(H.lines(0), "\n")
  vim.cmd("silent! tabclose")
  H.truthy(text:find("Neovim 0.", 1, true), "Neovim version in:\n" .. text)
  H.truthy(text:find("configuration: no problems", 1, true), "configuration in:\n" .. text)
  H.truthy(text:find("native module " .. require("chronicle").version .. " loads", 1, true),
    "native module OK in:\n" .. text)
  H.truthy(text:find("libxml2 ", 1, true), "libxml2 version in:\n" .. text)
end)

H.test(":help chronicle and its tags work", function()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir .. "/doc", "p")
  vim.fn.writefile(vim.fn.readfile(H.root .. "/doc/chronicle.txt"), dir .. "/doc/chronicle.txt")
  vim.cmd("helptags " .. vim.fn.fnameescape(dir .. "/doc"))
  vim.opt.runtimepath:prepend(dir)
  for _, tag in ipairs({ "chronicle", ":Chronicle", "chronicle-config", "chronicle-views", "chronicle-keys",
    "chronicle-hooks", "chronicle-highlights", "chronicle.register_view()" }) do
    vim.cmd("help " .. tag)
    H.eq("help", vim.bo.buftype, ":help " .. tag)
    H.truthy(vim.fn.expand("%:t") == "chronicle.txt", ":help " .. tag .. " opens chronicle.txt")
    vim.cmd("helpclose")
  end
  vim.opt.runtimepath:remove(dir)
  vim.fn.delete(dir, "rf")
end)

H.finish()
