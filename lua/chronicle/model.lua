--- Pure helpers over a parsed model (docs/model.md). Nothing here touches
--- Neovim or the native module; every function works on plain tables.
local M = {}

local sort, floor = table.sort, math.floor

---@class chronicle.Index
---@field participants table<string, table> participant by id
---@field events table<string, table> event by id
---@field times table<string, table> time by id
---@field mentions table[] {start, end, participant, mention}, sorted by start

local indexes = setmetatable({}, { __mode = "k" })

---Index a model by id (memoised per model table; call `M.invalidate` after
---changing the model in place).
---@param model table
---@return chronicle.Index
function M.index(model)
  local idx = indexes[model]
  if idx then return idx end
  idx = { participants = {}, events = {}, times = {}, mentions = {} }
  local n = 0
  for _, p in ipairs(model.participants or {}) do
    idx.participants[p.id] = p
    for _, m in ipairs(p.mentions or {}) do
      n = n + 1
      idx.mentions[n] = { start = m.start, ["end"] = m["end"], participant = p, mention = m }
    end
  end
  sort(idx.mentions, function(a, b)
    if a.start ~= b.start then return a.start < b.start end
    return a.participant.id < b.participant.id
  end)
  for _, e in ipairs(model.events or {}) do idx.events[e.id] = e end
  for _, t in ipairs(model.times or {}) do idx.times[t.id] = t end
  indexes[model] = idx
  return idx
end

---Forget the memoised index of a model changed in place.
---@param model table
function M.invalidate(model) indexes[model] = nil end

---@param model table
---@param id string
---@return table|nil
function M.participant(model, id) return M.index(model).participants[id] end

---@param model table
---@param id string
---@return table|nil
function M.event(model, id) return M.index(model).events[id] end

---@param model table
---@param id string
---@return table|nil
function M.time(model, id) return M.index(model).times[id] end

---Short display name: family name, else the name, else the first role's text.
---@param p table participant
---@return string
function M.short_name(p)
  if p.family then return p.family end
  if p.name then return p.name end
  local role = p.roles and p.roles[1]
  if role and role.text then return role.text end
  return p.id or "?"
end

---Full display name: the name, else the first role's text, else the id.
---@param p table participant
---@return string
function M.display_name(p)
  if p.name then return p.name end
  local role = p.roles and p.roles[1]
  if role and role.text then return role.text end
  return p.id or "?"
end

---The mention that comes first in the document.
---@param p table participant
---@return table|nil mention
function M.first_mention(p)
  local best
  for _, m in ipairs(p.mentions or {}) do
    if not best or m.start < best.start then best = m end
  end
  return best
end

---Day key of a time value: "2022-01-10" for a day or a moment in it; a
---coarser value ("2022-01", "2022-W02", "2022", "XXXX-06-28") is its own key;
---durations, sets and references (P3D, PRESENT_REF) have no day.
---@param value string|nil
---@return string|nil
function M.day_of(value)
  if type(value) ~= "string" then return nil end
  local day = value:match("^([%dX][%dX][%dX][%dX]%-%d%d%-%d%d)")
  if day then return day end
  if value:match("^%d%d%d%d$") or value:match("^%d%d%d%d%-%d%d$")
    or value:match("^%d%d%d%d%-W%d%d$") or value:match("^%d%d%d%d%-Q%d$") then
    return value
  end
  return nil
end

---Day key of an event (see `M.day_of`).
---@param e table event
---@return string|nil
function M.event_day(e) return e.time and M.day_of(e.time.value) or nil end

---Time of day of an event ("14:00"), when its time value has one.
---@param e table event
---@return string|nil
function M.time_of_day(e)
  local v = e.time and e.time.value
  if type(v) ~= "string" then return nil end
  return v:match("T(%d%d:%d%d)")
end

local function by_order(a, b)
  local oa, ob = a.order or math.huge, b.order or math.huge
  if oa ~= ob then return oa < ob end
  return (a.id or "") < (b.id or "")
end

---Sort events by their timeline order (in place) and return them.
---@param events table[]
---@return table[]
function M.sort_by_order(events)
  sort(events, by_order)
  return events
end

---@class chronicle.DayGroup
---@field day string|nil day key, nil for the undated group
---@field events table[]

---Group events by day: dated groups in ascending day order, the undated
---group last. Events keep the order they come in within a group.
---@param events table[]
---@return chronicle.DayGroup[]
function M.group_by_day(events)
  local groups, by_day, undated = {}, {}, nil
  for _, e in ipairs(events) do
    local day = M.event_day(e)
    if day then
      local g = by_day[day]
      if not g then
        g = { day = day, events = {} }
        by_day[day] = g
        groups[#groups + 1] = g
      end
      g.events[#g.events + 1] = e
    else
      undated = undated or { day = nil, events = {} }
      undated.events[#undated.events + 1] = e
    end
  end
  sort(groups, function(a, b) return a.day < b.day end)
  if undated then groups[#groups + 1] = undated end
  return groups
end

---All events of a model, ordered, grouped by day.
---@param model table
---@return chronicle.DayGroup[]
function M.events_by_day(model)
  local events = {}
  for i, e in ipairs(model.events or {}) do events[i] = e end
  return M.group_by_day(M.sort_by_order(events))
end

---Does the event involve the participant (as a role or its place)?
---@param e table event
---@param pid string participant id
---@return boolean
function M.involves(e, pid)
  for _, ep in ipairs(e.participants or {}) do
    if ep.id == pid then return true end
  end
  return e.place ~= nil and e.place.id == pid
end

---Participants of an event, resolved, in the event's order.
---@param model table
---@param e table event
---@return table[] participants
function M.event_participants(model, e)
  local idx, out = M.index(model), {}
  for _, ep in ipairs(e.participants or {}) do
    local p = idx.participants[ep.id]
    if p then out[#out + 1] = p end
  end
  return out
end

---The participant mentioned at a byte offset, and that mention.
---@param model table
---@param offset integer 0-based byte offset
---@return table|nil participant
---@return table|nil mention
function M.mention_at(model, offset)
  local list = M.index(model).mentions
  local lo, hi, found = 1, #list, nil
  while lo <= hi do -- last mention starting at or before offset
    local mid = floor((lo + hi) / 2)
    if list[mid].start <= offset then found = mid; lo = mid + 1 else hi = mid - 1 end
  end
  -- mentions may nest: walk back over those that still cover the offset
  for i = found or 0, 1, -1 do
    local r = list[i]
    if r.start <= offset and offset < r["end"] then return r.participant, r.mention end
    if i < (found or 0) - 16 then break end
  end
  return nil, nil
end

---The event whose sentence contains a byte offset (the earliest in the
---document when sentences overlap).
---@param model table
---@param offset integer 0-based byte offset
---@return table|nil event
function M.event_at(model, offset)
  local best
  for _, e in ipairs(model.events or {}) do
    local s = e.sentence
    if s and s.start <= offset and offset < s["end"] then
      if not best or s.start < best.sentence.start then best = e end
    end
  end
  return best
end

---Byte offset of the place to jump to for a model object: an event's
---sentence, a participant's first mention, or any object with `start`.
---@param obj table
---@return integer|nil
function M.target_offset(obj)
  if type(obj) ~= "table" then return nil end
  if obj.sentence and obj.sentence.start then return obj.sentence.start end
  if obj.trigger and obj.trigger.start then return obj.trigger.start end
  if obj.mentions then
    local m = M.first_mention(obj)
    return m and m.start or nil
  end
  return type(obj.start) == "number" and obj.start or nil
end

---Byte offset at which each line starts, for text split on "\n".
---@param lines string[]
---@return integer[] starts 1-based list of 0-based offsets
function M.line_starts(lines)
  local starts, pos = {}, 0
  for i = 1, #lines do
    starts[i] = pos
    pos = pos + #lines[i] + 1
  end
  return starts
end

---Convert a byte offset into (row, col): row 1-based, col 0-based byte
---column, clamped to the text.
---@param starts integer[] from `M.line_starts`
---@param offset integer
---@return integer row
---@return integer col
function M.offset_to_pos(starts, offset)
  local n = #starts
  if n == 0 then return 1, 0 end
  if offset < 0 then offset = 0 end
  local lo, hi, row = 1, n, 1
  while lo <= hi do
    local mid = floor((lo + hi) / 2)
    if starts[mid] <= offset then row = mid; lo = mid + 1 else hi = mid - 1 end
  end
  return row, offset - starts[row]
end

---Convert (row 1-based, col 0-based) into a byte offset.
---@param starts integer[]
---@param row integer
---@param col integer
---@return integer
function M.pos_to_offset(starts, row, col)
  local s = starts[row] or starts[#starts] or 0
  return s + col
end

---Counts shown in headers.
---@param model table
---@return table {events, participants, times, persons, organizations, locations, groups}
function M.counts(model)
  local c = {
    events = #(model.events or {}), participants = #(model.participants or {}),
    times = #(model.times or {}), person = 0, organization = 0, location = 0, group = 0,
  }
  for _, p in ipairs(model.participants or {}) do
    if c[p.kind] then c[p.kind] = c[p.kind] + 1 end
  end
  return c
end

--- Participant kinds in display order, with their headings.
M.kinds = {
  { kind = "person", title = "Persons" },
  { kind = "organization", title = "Organizations" },
  { kind = "location", title = "Places" },
  { kind = "group", title = "Groups" },
}

---Participants grouped by kind (persons, organisations, places, groups),
---each group ordered by first appearance.
---@param model table
---@return table[] {kind, title, participants}
function M.participants_by_kind(model)
  local groups, by_kind = {}, {}
  for i, k in ipairs(M.kinds) do
    groups[i] = { kind = k.kind, title = k.title, participants = {} }
    by_kind[k.kind] = groups[i]
  end
  local other = { kind = "other", title = "Other", participants = {} }
  for _, p in ipairs(model.participants or {}) do
    local g = by_kind[p.kind] or other
    g.participants[#g.participants + 1] = p
  end
  groups[#groups + 1] = other
  local function first(p)
    local m = M.first_mention(p)
    return m and m.start or math.huge
  end
  local out = {}
  for _, g in ipairs(groups) do
    if #g.participants > 0 then
      sort(g.participants, function(a, b)
        local fa, fb = first(a), first(b)
        if fa ~= fb then return fa < fb end
        return (a.id or "") < (b.id or "")
      end)
      out[#out + 1] = g
    end
  end
  return out
end

local function merge_into(model, from, into)
  for _, r in ipairs(from.roles or {}) do
    into.roles = into.roles or {}
    into.roles[#into.roles + 1] = r
  end
  for _, m in ipairs(from.mentions or {}) do
    into.mentions = into.mentions or {}
    into.mentions[#into.mentions + 1] = m
  end
  sort(into.mentions or {}, function(a, b) return a.start < b.start end)
  local have = {}
  for _, id in ipairs(into.events or {}) do have[id] = true end
  for _, id in ipairs(from.events or {}) do
    if not have[id] then
      into.events = into.events or {}
      into.events[#into.events + 1] = id
      have[id] = true
    end
  end
  for _, e in ipairs(model.events or {}) do
    local seen, kept = false, {}
    for _, ep in ipairs(e.participants or {}) do
      if ep.id == from.id then ep.id = into.id end
      if ep.id == into.id then
        if not seen then kept[#kept + 1] = ep end
        seen = true
      else
        kept[#kept + 1] = ep
      end
    end
    if e.participants then e.participants = kept end
    if e.place and e.place.id == from.id then e.place.id = into.id end
  end
end

---Apply aliases (mention text or name -> canonical name) in place: a
---participant with a matching mention or name is renamed, or merged into the
---participant that already bears the canonical name.
---@param model table
---@param aliases table<string, string>
---@return table model
function M.apply_aliases(model, aliases)
  if type(aliases) ~= "table" or next(aliases) == nil then return model end
  local by_name = {}
  for _, p in ipairs(model.participants or {}) do
    if p.name then by_name[p.name] = by_name[p.name] or p end
  end
  local kept = {}
  for _, p in ipairs(model.participants or {}) do
    local canonical = p.name and aliases[p.name]
    if not canonical then
      for _, m in ipairs(p.mentions or {}) do
        if aliases[m.text] then canonical = aliases[m.text]; break end
      end
    end
    local target = canonical and by_name[canonical]
    if canonical and target and target ~= p then
      merge_into(model, p, target)
    else
      if canonical and p.name ~= canonical then
        if p.name and by_name[p.name] == p then by_name[p.name] = nil end
        p.name = canonical
        p.given, p.patronymic, p.family = nil, nil, nil -- parts of the old name
        by_name[canonical] = p
      end
      kept[#kept + 1] = p
    end
  end
  model.participants = kept
  M.invalidate(model)
  return model
end

return M
