--- The timeline view: events grouped by day under date headings (the
--- document's own date marked), undated events last; one row per event with
--- its type, time of day, summary and participants' short names.
local views = require("chronicle.views")
local lines = require("chronicle.views.lines")
local model_util = require("chronicle.model")
local hooks = require("chronicle.hooks")

local M = {}

M.filetype = "chronicle-timeline"
M.description = "Events grouped by day"

local TYPE_WIDTH = 11 -- "appointment"

---The default row of an event, as chunks (wrap it in a format_event hook).
---@param e table event
---@param ctx chronicle.ViewContext
---@return table chunks
function M.format_event(e, ctx)
  local chunks = {
    { "  " },
    { lines.pad(e.type or "other", TYPE_WIDTH), "ChronicleEventType" },
    { " " },
    { lines.pad(model_util.time_of_day(e) or "", 5), "ChronicleTime" },
    { " " },
    { e.summary or (e.trigger and e.trigger.text) or "(no summary)", "ChronicleSummary" },
  }
  local names = {}
  if ctx.model then
    for _, p in ipairs(model_util.event_participants(ctx.model, e)) do
      names[#names + 1] = model_util.short_name(p)
    end
  end
  if #names > 0 then
    chunks[#chunks + 1] = { " — ", "ChronicleMuted" }
    for i, n in ipairs(names) do
      if i > 1 then chunks[#chunks + 1] = { ", ", "ChronicleMuted" } end
      chunks[#chunks + 1] = { n, "ChronicleParticipant" }
    end
  end
  return chunks
end

local function plural(n, word)
  return ("%d %s%s"):format(n, word, n == 1 and "" or "s")
end

---The title shown in headers: the document title, its file name, or "(untitled)".
---@param model table
---@return string
function M.title(model)
  local doc = model.document or {}
  if doc.title then return doc.title end
  if doc.path then return (doc.path:match("[^/\\]+$") or doc.path) end
  return "(untitled)"
end

-- The events to show: filtered (ctx.filter, filter_event hook) and sorted
-- (sort_events hook, else timeline order).
local function select_events(model, ctx)
  local events = {}
  for i, e in ipairs(model.events or {}) do events[i] = e end
  model_util.sort_by_order(events)
  local pid = ctx.filter and ctx.filter.participant
  local keep_fn = views.hook(ctx, "filter_event")
  local kept = {}
  for _, e in ipairs(events) do
    local keep = not pid or model_util.involves(e, pid)
    if keep and keep_fn then
      local ok, res = hooks.call(ctx, "filter_event", keep_fn, e, ctx)
      if ok and res == false then keep = false end
      if not ok then keep_fn = nil end
    end
    if keep then kept[#kept + 1] = e end
  end
  local sort_fn = views.hook(ctx, "sort_events")
  if sort_fn then
    local copy = {}
    for i, e in ipairs(kept) do copy[i] = e end
    local ok, res = hooks.call(ctx, "sort_events", sort_fn, copy, ctx)
    if ok and type(res) == "table" then
      kept = res
    elseif ok and res == nil then
      kept = copy
    elseif ok then
      hooks.report(ctx, "sort_events", "it must return a list of events or nil")
    end
  end
  return kept
end

---@param model table
---@param ctx chronicle.ViewContext
---@return chronicle.ViewResult
function M.render(model, ctx)
  ctx = ctx or {}
  ctx.model = ctx.model or model
  local b = lines.new()
  local counts = model_util.counts(model)
  b:header(M.title(model), ("%s · %s · %s"):format(plural(counts.events, "event"),
    plural(counts.participants, "participant"), plural(counts.times, "time")))
  local pid = ctx.filter and ctx.filter.participant
  if pid then
    local p = model_util.participant(model, pid)
    b:add({ { "Filter: ", "ChronicleFilter" },
      { p and model_util.display_name(p) or pid, "ChronicleParticipant" },
      { " (F clears)", "ChronicleMuted" } })
  end
  local events = select_events(model, ctx)
  if #events == 0 then return b:empty("No events found.") end
  local doc_date = model.document and model.document.date
  for _, group in ipairs(model_util.group_by_day(events)) do
    b:blank()
    local heading
    if group.day == nil then
      heading = b:add({ { "Undated", "ChronicleDate" } })
    elseif group.day == doc_date then
      heading = b:add({ { group.day, "ChronicleDate" }, { " · document date", "ChronicleDocDate" } })
    else
      heading = b:add({ { group.day, "ChronicleDate" } })
    end
    for _, e in ipairs(group.events) do
      b:add(views.format(ctx, "format_event", M.format_event, e), e)
    end
    b:fold(heading, #b.lines)
  end
  return b:result()
end

return M
