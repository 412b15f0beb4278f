-- A tiny stand-in for the native engine, for host tests that must not depend
-- on what the real extractor finds. It reads English text with fixed rules:
--   persons   "Firstname Lastname" (two capitalised words), later also the
--             bare last name;
--   orgs      words in capitals (NATO, UN);
--   times     YYYY-MM-DD, optionally followed by " at HH:MM";
--   events    a sentence with met|said|signed|visited|will visit.
-- It returns models in the shape of docs/model.md with true byte offsets.
local M = { version = "0.1.0", libxml2_version = "fake", calls = {} }

local verbs = { met = "meeting", said = "statement", signed = "agreement", visited = "visit", visit = "visit" }

local function line_col(text, pos) -- pos 1-based
  local line, last = 1, 0
  for i in text:sub(1, pos - 1):gmatch("()\n") do
    line = line + 1
    last = i
  end
  return line, pos - 1 - last
end

function M.parse(text, opts)
  assert(type(text) == "string", "bad argument #1 to 'parse' (string expected)")
  opts = opts or {}
  M.calls[#M.calls + 1] = opts
  if M.fail then return nil, M.fail end
  local model = {
    schema = "chronicle/1",
    document = { path = opts.path, format = opts.format ~= "auto" and opts.format or "text",
      language = opts.language ~= "auto" and opts.language or "en", title = text:match("^# ([^\n]+)"),
      date = opts.date, date_source = opts.date and "option" or nil, bytes = #text, warnings = {} },
    participants = {}, times = {}, events = {},
  }
  local by_family, by_name = {}, {}
  local function participant(kind, name, given, family)
    local p = by_name[name]
    if not p then
      p = { id = "p" .. (#model.participants + 1), kind = kind, name = name, given = given,
        family = family, roles = {}, mentions = {}, events = {} }
      model.participants[#model.participants + 1] = p
      by_name[name] = p
      if family then by_family[family] = p end
    end
    return p
  end
  local function mention(p, s, e, kind)
    local line, col = line_col(text, s)
    p.mentions[#p.mentions + 1] = { start = s - 1, ["end"] = e, line = line, col = col,
      text = text:sub(s, e), type = kind or "name" }
  end
  for s, given, family, e in text:gmatch("()(%u%l+) (%u%l+)()") do
    mention(participant("person", given .. " " .. family, given, family), s, e - 1)
  end
  for s, word, e in text:gmatch("()(%u%l+)()") do
    local p = by_family[word]
    local prev = text:sub(1, s - 1):match("(%u%l+) $")
    if p and not (prev and by_name[prev .. " " .. word]) then mention(p, s, e - 1) end
  end
  for s, word, e in text:gmatch("()(%u%u+)()") do mention(participant("organization", word), s, e - 1) end
  for _, p in ipairs(model.participants) do
    table.sort(p.mentions, function(a, b) return a.start < b.start end)
  end
  -- sentences: up to ". " or a newline
  local pos = 1
  while pos <= #text do
    local stop = text:find("[%.\n]", pos) or #text
    local sentence = text:sub(pos, stop)
    local verb_s, verb, verb_e
    for vs, v, ve in sentence:gmatch("()(%l+)()") do
      if verbs[v] then verb_s, verb, verb_e = vs, v, ve; break end
    end
    if verb then
      local id = "e" .. (#model.events + 1)
      local line, col = line_col(text, pos)
      local ev = { id = id, order = #model.events + 1, type = verbs[verb],
        trigger = { text = verb, lemma = verb, start = pos + verb_s - 2, ["end"] = pos + verb_e - 2 },
        summary = sentence:gsub("[%.\n]$", ""),
        sentence = { start = pos - 1, ["end"] = stop, line = line, col = col },
        tense = verb == "visit" and "future" or "past", participants = {}, place = nil }
      local ds, date, de = sentence:match("()(%d%d%d%d%-%d%d%-%d%d)()")
      if ds then
        local hhmm = sentence:match("^ at (%d%d:%d%d)", de)
        if hhmm then de = de + 9 end
        local t = { id = "t" .. (#model.times + 1), text = sentence:sub(ds, de - 1),
          start = pos + ds - 2, ["end"] = pos + de - 2, line = line, col = col + ds - 1,
          value = hhmm and (date .. "T" .. hhmm) or date, type = hhmm and "time" or "date", anchored = true }
        model.times[#model.times + 1] = t
        ev.time = { id = t.id, value = t.value, start = t.start, ["end"] = t["end"] }
      end
      for _, p in ipairs(model.participants) do
        for _, m in ipairs(p.mentions) do
          if m.start >= pos - 1 and m["end"] <= stop then
            ev.participants[#ev.participants + 1] = { id = p.id, role = #ev.participants == 0 and "agent" or "participant" }
            p.events[#p.events + 1] = id
            break
          end
        end
      end
      model.events[#model.events + 1] = ev
    end
    pos = stop + 1
  end
  return model
end

---Make `require("chronicle.native").load()` return this fake.
function M.install()
  package.loaded["chronicle.native"] = {
    filename = "fake", path = function() return "fake" end,
    load = function() return M end,
  }
end

return M
