--- :checkhealth chronicle
local M = {}

-- vim.health.start/ok/... (0.9+), vim.health.report_* (0.8), or the
-- `health` module of 0.7.
local function reporter()
  local h = vim.health
  if h and h.start then return h end
  if not (h and h.report_start) then h = require("health") end
  return { start = h.report_start, ok = h.report_ok, warn = h.report_warn,
    error = h.report_error, info = h.report_info }
end

function M.check()
  local h = reporter()
  local chronicle = require("chronicle")
  h.start("chronicle")

  local v = vim.version()
  local version = ("%d.%d.%d"):format(v.major, v.minor, v.patch)
  if vim.fn.has("nvim-0.7") == 1 then
    h.ok("Neovim " .. version)
  else
    h.error("Neovim " .. version .. ": chronicle needs 0.7 or later")
  end

  local native = require("chronicle.native")
  local mod, err = native.load()
  if not mod then
    h.error(err, { "Build it: run `make` in the plugin's directory (needs libxml2-dev and LuaJIT headers)" })
  elseif mod.version ~= chronicle.version then
    h.error(("native module %s is version %s, the plugin is %s"):format(native.path(), tostring(mod.version),
      chronicle.version), { "Rebuild it: run `make` in the plugin's directory" })
  else
    h.ok(("native module %s loads (%s)"):format(mod.version, native.path()))
  end
  if mod then h.ok("libxml2 " .. tostring(mod.libxml2_version)) end

  local worker = require("chronicle.host.worker")
  local off = require("chronicle.host.nvim").async_disabled()
  if off then
    h.warn("background parsing is off: " .. off, { "Edits are parsed on the main thread and may block typing" })
  elseif not worker.codec or not (vim.loop and vim.loop.new_work) then
    h.warn("background parsing unavailable (needs vim.loop.new_work and string.buffer or vim.json)")
  else
    h.ok("background parsing in a libuv worker (transport: " .. worker.codec .. ")")
  end

  local problems = require("chronicle.config").problems()
  if #problems == 0 then
    h.ok("configuration: no problems")
  else
    for _, p in ipairs(problems) do h.warn("configuration: " .. p, { "See |chronicle-options|" }) end
  end
  h.info("views: " .. table.concat(require("chronicle.views").list(), ", "))
end

return M
