-- nvim_bench.lua - what a user of the plugin waits for, in a real Neovim:
--   CHRONICLE_BENCH_FILE=doc.txt CHRONICLE_BENCH_OUT=out.tsv \
--     nvim --headless -u NONE -i NONE -n --cmd 'set rtp^=.' -c 'luafile tests/bench/nvim_bench.lua'
--
-- 1. timeline: the time from `:Chronicle timeline` on the document to a
--    window whose buffer (filetype chronicle-timeline) holds the rendered
--    view.  Whether the plugin parses synchronously or in the background,
--    the clock stops only when the lines are there.
-- 2. blocking: while typing into the document (keys fed as if typed, one
--    every 40 ms, then a pause longer than the refresh debounce), a libuv
--    timer ticks every millisecond; the longest gap between two ticks minus
--    the tick is the longest time the editor could not react to a key.  The
--    same is measured on the idle editor before the command, as the noise
--    floor; view_refreshed says whether the view was redrawn after the edit
--    (if not, the live refresh did not run and the figure proves little).
--
-- Results go to CHRONICLE_BENCH_OUT as "nvim<TAB>key<TAB>value" lines;
-- "nvim<TAB>skip<TAB>reason" when the plugin cannot be measured (yet).
local uv = vim.loop
local file = os.getenv("CHRONICLE_BENCH_FILE")
local out_path = os.getenv("CHRONICLE_BENCH_OUT") or "nvim-bench.tsv"
local TYPED = "Президент России провёл встречу с министром. "
local KEY_GAP_MS, SETTLE_MS, IDLE_MS = 40, 1500, 500

local results = {}
local function put(key, value)
  results[#results + 1] = string.format("nvim\t%s\t%s", key, tostring(value))
end

local function finish()
  local f = io.open(out_path, "w")
  if f then
    f:write(table.concat(results, "\n"), "\n")
    f:close()
  end
  vim.cmd("qall!")
end

local function skip(reason)
  put("skip", reason)
  finish()
end

-- a hang of the plugin must not hang the bench
vim.defer_fn(function()
  put("skip", "timed out after 90 s")
  finish()
end, 90000)

-- An error inside a callback would leave a headless Neovim at a prompt:
-- every callback reports it as a skip instead.
local function guard(fn)
  return function(...)
    local ok, err = pcall(fn, ...)
    if not ok then skip("error: " .. tostring(err):gsub("%s+", " ")) end
  end
end

local function ms(ns)
  return ns / 1e6
end

-- Ticks every millisecond until stop(); returns the longest lateness (ms).
local function block_meter()
  local timer = uv.new_timer()
  local last, worst = uv.hrtime(), 0
  timer:start(1, 1, function()
    local t = uv.hrtime()
    local gap = t - last - 1e6
    if gap > worst then worst = gap end
    last = t
  end)
  return function()
    timer:stop()
    timer:close()
    return ms(worst)
  end
end

local function timeline_window()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    local buf = vim.api.nvim_win_get_buf(win)
    if vim.bo[buf].filetype == "chronicle-timeline" then
      local n = vim.api.nvim_buf_line_count(buf)
      local first = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] or ""
      if n > 1 or first ~= "" then return win end
    end
  end
  return nil
end

-- Feeds the characters of `text` one by one, KEY_GAP_MS apart, then calls done.
local function type_slowly(text, done)
  local chars = vim.fn.split(text, "\\zs")
  local i = 0
  local function step()
    i = i + 1
    if i > #chars then
      vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<Esc>", true, false, true), "nt", false)
      vim.defer_fn(guard(done), SETTLE_MS)
      return
    end
    -- escape_ks: raw UTF-8 such as "р" (D1 80) holds the K_SPECIAL byte
    vim.api.nvim_feedkeys(chars[i], "nt", true)
    vim.defer_fn(guard(step), KEY_GAP_MS)
  end
  step()
end

local function run()
  if not file or vim.fn.filereadable(file) == 0 then
    return skip("no document: set CHRONICLE_BENCH_FILE")
  end
  pcall(vim.cmd, "runtime! plugin/chronicle.lua plugin/chronicle.vim")
  if vim.fn.exists(":Chronicle") ~= 2 then
    return skip(":Chronicle does not exist yet (plugin/chronicle.lua)")
  end
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local doc_win, doc_buf = vim.api.nvim_get_current_win(), vim.api.nvim_get_current_buf()
  local lines_before = vim.api.nvim_buf_line_count(doc_buf)

  -- noise floor first: the same meter on an editor holding the document
  local stop_idle = block_meter()
  vim.defer_fn(guard(function()
    put("idle_block_ms", string.format("%.1f", stop_idle()))

    local t0 = uv.hrtime()
    local ok, err = pcall(vim.cmd, "Chronicle timeline")
    if not ok then
      return skip(":Chronicle timeline failed: " .. tostring(err):gsub("%s+", " "))
    end
    local drawn = vim.wait(30000, function() return timeline_window() ~= nil end, 1)
    local t1 = uv.hrtime()
    if not drawn then
      return skip("no chronicle-timeline window with content after 30 s")
    end
    vim.cmd("redraw")
    put("timeline_ms", string.format("%.1f", ms(uv.hrtime() - t0)))
    put("timeline_ready_ms", string.format("%.1f", ms(t1 - t0)))
    put("bytes", vim.fn.getfsize(file))
    local view_buf = vim.api.nvim_win_get_buf(timeline_window())

    -- let a background parse or a deferred render of the command finish,
    -- so that what follows measures the edit alone
    vim.defer_fn(guard(function()
      local tick = vim.api.nvim_buf_get_changedtick(view_buf)
      vim.api.nvim_set_current_win(doc_win)
      vim.api.nvim_win_set_cursor(doc_win, { math.max(1, math.floor(lines_before / 2)), 0 })
      vim.api.nvim_feedkeys("o", "nt", false)
      local stop = block_meter()
      type_slowly(TYPED, function()
        put("edit_block_ms", string.format("%.1f", stop()))
        put("edit_lines_added", vim.api.nvim_buf_line_count(doc_buf) - lines_before)
        local refreshed = vim.api.nvim_buf_is_valid(view_buf)
          and vim.api.nvim_buf_get_changedtick(view_buf) ~= tick
        put("view_refreshed", refreshed and 1 or 0)
        finish()
      end)
    end), IDLE_MS)
  end), IDLE_MS)
end

vim.schedule(guard(run))
