-- A custom chronicle view: participants × days. Each row is a participant
-- (persons first), each column a day of the timeline, each cell the number
-- of that participant's events on that day.
--
-- Load it from your config (or `:luafile examples/lanes.lua`), then run
-- `:Chronicle view lanes`; in a terminal: `bin/chronicle --load examples/lanes.lua view lanes FILE`.
local chronicle = require("chronicle")
local model_util = require("chronicle.model")
local lines = require("chronicle.views.lines")

local function render(model, ctx) -- luacheck: ignore ctx
  local days = model_util.events_by_day(model)
  local b = lines.new()
  b:add({ { "Lanes — " .. (model.document and model.document.title or "(untitled)"), "ChronicleHeader" } })
  if #days == 0 then
    b:add({ { "No events found.", "ChronicleMuted" } })
    return b:result()
  end

  -- count[pid][column] = number of events
  local count, rows = {}, {}
  for col, g in ipairs(days) do
    for _, e in ipairs(g.events) do
      for _, p in ipairs(model_util.event_participants(model, e)) do
        count[p.id] = count[p.id] or {}
        count[p.id][col] = (count[p.id][col] or 0) + 1
      end
    end
  end
  local name_width = 4
  for _, group in ipairs(model_util.participants_by_kind(model)) do
    for _, p in ipairs(group.participants) do
      if count[p.id] then
        rows[#rows + 1] = p
        name_width = math.max(name_width, lines.width(model_util.short_name(p)))
      end
    end
  end

  local widths, header = {}, { { lines.pad("", name_width) } }
  for col, g in ipairs(days) do
    local label = g.day or "undated"
    widths[col] = math.max(#label, 3)
    header[#header + 1] = { "  " }
    header[#header + 1] = { label, "ChronicleDate" }
    if col < #days then header[#header + 1] = { string.rep(" ", widths[col] - #label) } end
  end
  b:blank()
  b:add(header)
  for _, p in ipairs(rows) do
    local chunks = { { lines.pad(model_util.short_name(p), name_width), "ChronicleParticipant" } }
    for col = 1, #days do
      local n = count[p.id][col]
      chunks[#chunks + 1] = { "  " }
      local width = col < #days and widths[col] or 0 -- no trailing blanks
      if n then
        chunks[#chunks + 1] = { lines.pad(tostring(n), width), "ChronicleEventType" }
      else
        chunks[#chunks + 1] = { lines.pad("·", width), "ChronicleMuted" }
      end
    end
    b:add(chunks, p)
  end
  return b:result()
end

return chronicle.register_view("lanes", {
  render = render,
  filetype = "chronicle-lanes",
  description = "Participants × days",
})
