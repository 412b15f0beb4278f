-- A TAP-like harness for headless Neovim tests: one line per test
-- ("ok N - name" / "not ok N - name"), then "N passed, N failed"; exits
-- non-zero (cquit 1) on failure.
local H = { n = 0, passed = 0, failed = 0 }
local api = vim.api

H.root = vim.g.chronicle_test_root or vim.fn.getcwd()

local function out(s) io.stdout:write(s, "\n") end

---Run one test; `fn` raises to fail.
function H.test(name, fn)
  H.n = H.n + 1
  local ok, err = xpcall(fn, debug.traceback)
  -- leave a clean editor for the next test
  pcall(vim.cmd, "silent! only!")
  if ok then
    H.passed = H.passed + 1
    out(("ok %d - %s"):format(H.n, name))
  else
    H.failed = H.failed + 1
    out(("not ok %d - %s"):format(H.n, name))
    for line in tostring(err):gmatch("[^\n]+") do out("#   " .. line) end
  end
end

function H.eq(want, got, what)
  if not vim.deep_equal(want, got) then
    error(("%s: expected %s, got %s"):format(what or "value", vim.inspect(want), vim.inspect(got)), 2)
  end
end

function H.truthy(v, what)
  if not v then error((what or "expected a true value") .. ", got " .. vim.inspect(v), 2) end
  return v
end

---Press keys as a user would (mappings apply); waits for them to run.
function H.feed(keys)
  api.nvim_feedkeys(api.nvim_replace_termcodes(keys, true, false, true), "mx", false)
end

---Wait until cond() is true (or fail after ms).
function H.wait(ms, cond, what)
  if not vim.wait(ms, cond, 10) then error("timed out waiting for " .. (what or "a condition"), 2) end
end

---Capture vim.notify messages while fn runs; returns them.
function H.notifications(fn)
  local saved, got = vim.notify, {}
  vim.notify = function(msg, level) got[#got + 1] = { msg = msg, level = level } end
  local ok, err = pcall(fn)
  vim.notify = saved
  if not ok then error(err, 0) end
  return got
end

function H.lines(buf) return api.nvim_buf_get_lines(buf or 0, 0, -1, false) end

function H.find_line(buf, needle)
  for i, l in ipairs(H.lines(buf)) do
    if l:find(needle, 1, true) then return i end
  end
end

---Windows of the current tab showing a buffer with this filetype.
function H.windows_with_ft(ft)
  local wins = {}
  for _, w in ipairs(api.nvim_tabpage_list_wins(0)) do
    if vim.bo[api.nvim_win_get_buf(w)].filetype == ft then wins[#wins + 1] = w end
  end
  return wins
end

function H.finish()
  out(("%d passed, %d failed"):format(H.passed, H.failed))
  io.stdout:flush()
  if H.failed > 0 then vim.cmd("cquit 1") else vim.cmd("qall!") end
end

return H
