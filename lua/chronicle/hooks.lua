--- Calling user code (hooks, custom views) safely: every call goes through
--- pcall; when one fails the caller falls back to its default and the user is
--- told once per hook (per `reported` table, which the host keeps for the
--- whole session).
local M = {}

---@class chronicle.Reporter
---@field notify? chronicle.Notify
---@field reported? table<string, boolean> hooks already reported

---Report a failed hook once.
---@param ctx chronicle.Reporter
---@param name string hook name, e.g. "format_event"
---@param err any
function M.report(ctx, name, err)
  local seen = ctx.reported
  if not seen then
    seen = {}
    ctx.reported = seen
  end
  if seen[name] then return end
  seen[name] = true
  if ctx.notify then
    ctx.notify(("chronicle: %s failed, using the default: %s"):format(name, tostring(err)), "error")
  end
end

---Call `fn(...)` under pcall.
---@param ctx chronicle.Reporter
---@param name string
---@param fn function
---@return boolean ok
---@return any result (the error when not ok)
function M.call(ctx, name, fn, ...)
  local ok, res = pcall(fn, ...)
  if not ok then M.report(ctx, name, res) end
  return ok, res
end

return M
