--- The people view: persons, then organisations, then places (and groups);
--- each with its canonical name, roles, number of mentions and events, and the
--- line where it first appears.
local views = require("chronicle.views")
local lines = require("chronicle.views.lines")
local model_util = require("chronicle.model")
local timeline = require("chronicle.views.timeline")

local M = {}

M.filetype = "chronicle-people"
M.description = "Participants: persons, organisations, places"

local function plural(n, word)
  return ("%d %s%s"):format(n, word, n == 1 and "" or "s")
end

---Distinct role texts of a participant, in order of appearance.
---@param p table participant
---@return string[]
function M.role_texts(p)
  local out, seen = {}, {}
  for _, r in ipairs(p.roles or {}) do
    local t = r.text or r.title
    if t and not seen[t] then
      seen[t] = true
      out[#out + 1] = t
    end
  end
  return out
end

---The default row of a participant, as chunks (wrap it in a
---format_participant hook).
---@param p table participant
---@param ctx chronicle.ViewContext
---@return table chunks
function M.format_participant(p, ctx) -- luacheck: ignore ctx
  local chunks = { { "  " }, { model_util.display_name(p), "ChronicleParticipant" } }
  local roles = M.role_texts(p)
  if #roles > 0 and not (p.name == nil and #roles == 1) then
    chunks[#chunks + 1] = { " — ", "ChronicleMuted" }
    chunks[#chunks + 1] = { table.concat(roles, "; "), "ChronicleRole" }
  end
  local first = model_util.first_mention(p)
  local stats = ("  · %s · %s"):format(plural(#(p.mentions or {}), "mention"), plural(#(p.events or {}), "event"))
  if first and first.line then stats = stats .. (" · line %d"):format(first.line) end
  chunks[#chunks + 1] = { stats, "ChronicleMuted" }
  return chunks
end

---@param model table
---@param ctx chronicle.ViewContext
---@return chronicle.ViewResult
function M.render(model, ctx)
  ctx = ctx or {}
  ctx.model = ctx.model or model
  local b = lines.new()
  local c = model_util.counts(model)
  local summary = ("%s · %s · %s"):format(plural(c.person, "person"),
    plural(c.organization, "organization"), plural(c.location, "place"))
  if c.group > 0 then summary = summary .. " · " .. plural(c.group, "group") end
  b:header(timeline.title(model), summary)
  local groups = model_util.participants_by_kind(model)
  if #groups == 0 then return b:empty("No participants found.") end
  for _, g in ipairs(groups) do
    b:blank()
    local heading = b:add({ { g.title, "ChronicleKind" }, { (" (%d)"):format(#g.participants), "ChronicleMuted" } })
    for _, p in ipairs(g.participants) do
      b:add(views.format(ctx, "format_participant", M.format_participant, p), p)
    end
    b:fold(heading, #b.lines)
  end
  return b:result()
end

return M
