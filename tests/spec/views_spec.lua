local views = require("chronicle.views")
local chronicle = require("chronicle")

local function fixture() return dofile("tests/fixtures/csto.lua") end

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

-- Compare rendered lines with tests/golden/NAME.txt; UPDATE_GOLDEN=1 rewrites it.
local function golden(name, lines)
  local path = "tests/golden/" .. name .. ".txt"
  local got = table.concat(lines, "\n") .. "\n"
  if os.getenv("UPDATE_GOLDEN") == "1" then
    local f = assert(io.open(path, "wb"))
    f:write(got)
    f:close()
  end
  local want = read(path)
  assert(want, path .. " is missing: run with UPDATE_GOLDEN=1 to create it")
  assert.are.equal(want, got)
end

local function render(name, model, ctx)
  local res, err = chronicle.render(name, model or fixture(), ctx or { notify = function() end, reported = {} })
  assert(res, err)
  return res
end

local function line_of(res, needle)
  for i, l in ipairs(res.lines) do
    if l:find(needle, 1, true) then return i end
  end
end

local function groups_at(res, lnum, needle)
  local line = res.lines[lnum]
  local s = line:find(needle, 1, true)
  local out = {}
  for _, h in ipairs(res.highlights) do
    if h.line == lnum - 1 and h.col_start <= s - 1 and (h.col_end == -1 or h.col_end >= s - 1 + #needle) then
      out[#out + 1] = h.group
    end
  end
  return table.concat(out, ",")
end

describe("views", function()
  it("registers the built-in views through register_view", function()
    local names = views.list()
    assert.are.equal("timeline", names[1])
    assert.are.equal("people", names[2])
    assert.are.equal("chronicle-timeline", views.filetype("timeline"))
    assert.are.equal("chronicle-people", views.filetype("people"))
  end)

  it("renders the timeline of the fixture (golden)", function()
    golden("timeline", render("timeline").lines)
  end)

  it("renders the people view of the fixture (golden)", function()
    golden("people", render("people").lines)
  end)

  it("renders the lanes example view (golden)", function()
    dofile("examples/lanes.lua")
    assert.truthy(views.get("lanes"))
    golden("lanes", render("lanes").lines)
  end)

  it("puts days in order, marks the document date, and ends with undated events", function()
    local res = render("timeline")
    local d7, d10, undated = line_of(res, "2022-01-07"), line_of(res, "2022-01-10"), line_of(res, "Undated")
    assert.truthy(d7 < d10 and d10 < undated)
    assert.truthy(res.lines[d10]:find("document date", 1, true))
    assert.is_nil(res.lines[d7]:find("document date", 1, true))
    assert.are.equal("ChronicleDate", groups_at(res, d10, "2022-01-10"))
    assert.are.equal("ChronicleDocDate", groups_at(res, d10, "document date"))
  end)

  it("maps each event row to its event, with time, type and short names highlighted", function()
    local res = render("timeline")
    local row = line_of(res, "состоялась")
    local e = res.items[row]
    assert.are.equal("e2", e.id)
    assert.are.equal("ChronicleTime", groups_at(res, row, "10:00"))
    assert.are.equal("ChronicleEventType", groups_at(res, row, "meeting"))
    assert.are.equal("ChronicleParticipant", groups_at(res, row, "Пашинян"))
    local events = 0
    for _, item in pairs(res.items) do if item.sentence then events = events + 1 end end
    assert.are.equal(4, events)
    for _, h in ipairs(res.highlights) do
      local line = res.lines[h.line + 1]
      assert.truthy(line and h.col_start >= 0 and h.col_end <= #line, "highlight outside its line")
    end
  end)

  it("maps people rows to participants, persons before organisations and places", function()
    local res = render("people")
    local persons, orgs, places = line_of(res, "Persons"), line_of(res, "Organizations"), line_of(res, "Places")
    assert.truthy(persons < orgs and orgs < places)
    local row = line_of(res, "Касым-Жомарт Токаев")
    assert.are.equal("p2", res.items[row].id)
    assert.truthy(res.lines[row]:find("Президент Казахстана", 1, true))
    assert.truthy(res.lines[row]:find("2 mentions · 2 events · line 3", 1, true))
    assert.are.equal("ChronicleRole", groups_at(res, row, "Президент Казахстана"))
  end)

  it("filters the timeline to one participant", function()
    local res = render("timeline", nil, { filter = { participant = "p4" } })
    assert.truthy(line_of(res, "Filter: Владимир Путин"))
    assert.truthy(line_of(res, "состоялась"))
    assert.truthy(line_of(res, "посетит"))
    assert.is_nil(line_of(res, "проинформировал"))
  end)

  it("says so when there is nothing to show", function()
    local empty = { schema = "chronicle/1", document = { bytes = 0 }, participants = {}, times = {}, events = {} }
    assert.truthy(line_of(render("timeline", empty), "No events found."))
    assert.truthy(line_of(render("people", empty), "No participants found."))
    assert.are.equal("(untitled)", render("timeline", empty).lines[1])
  end)

  describe("hooks", function()
    local function ctx(hooks)
      local messages = {}
      return { config = { hooks = hooks }, reported = {},
        notify = function(msg) messages[#messages + 1] = msg end }, messages
    end

    it("format_event replaces rows with text or highlighted chunks", function()
      local res = render("timeline", nil, ctx({ format_event = function(e)
        if e.type == "visit" then return "VISIT " .. e.id end
        return { { "* ", "WarningMsg" }, { e.summary } }
      end }))
      assert.truthy(line_of(res, "VISIT e4"))
      local row = line_of(res, "* состоялась")
      assert.are.equal("WarningMsg", groups_at(res, row, "* "))
      assert.are.equal("e2", res.items[row].id)
    end)

    it("a failing hook falls back to the default row and is reported once", function()
      local c, messages = ctx({ format_event = function() error("boom") end,
        format_participant = function() return 42 end })
      local res = render("timeline", nil, c)
      assert.truthy(line_of(res, "состоялась внеочередная сессия"))
      render("timeline", nil, c)
      assert.are.equal(1, #messages)
      assert.truthy(messages[1]:find("format_event failed", 1, true))
      assert.truthy(messages[1]:find("boom", 1, true))
      res = render("people", nil, c)
      assert.truthy(line_of(res, "Касым-Жомарт Токаев"))
      assert.are.equal(2, #messages)
    end)

    it("filter_event hides events and sort_events orders them", function()
      local res = render("timeline", nil, ctx({
        filter_event = function(e) return e.type ~= "statement" end,
        sort_events = function(events)
          table.sort(events, function(a, b) return a.id > b.id end)
          return events
        end,
      }))
      assert.is_nil(line_of(res, "заявил"))
      assert.truthy(line_of(res, "посетит"))
      local c, messages = ctx({ sort_events = function() return "nope" end, filter_event = function() error("x") end })
      res = render("timeline", nil, c)
      assert.truthy(line_of(res, "заявил"))
      assert.are.equal(2, #messages)
    end)
  end)

  describe("custom views", function()
    it("register and render through the same API", function()
      chronicle.register_view("count", { render = function(model)
        return { lines = { #model.events .. " events" }, items = { [1] = model.events[1] } }
      end })
      local res = render("count")
      assert.are.same({ "4 events" }, res.lines)
      assert.are.same({}, res.highlights)
      assert.are.equal("chronicle-view", views.filetype("count"))
    end)

    it("a failing or malformed view returns an error instead of a result", function()
      chronicle.register_view("broken", { render = function() error("nope") end })
      local res, err = chronicle.render("broken", fixture())
      assert.is_nil(res)
      assert.truthy(err:find("view broken failed", 1, true))
      chronicle.register_view("malformed", { render = function() return { lines = { 1 } } end })
      res, err = chronicle.render("malformed", fixture())
      assert.is_nil(res)
      assert.truthy(err:find("line 1", 1, true))
      res, err = chronicle.render("nosuch", fixture())
      assert.is_nil(res)
      assert.truthy(err:find("no view named", 1, true))
    end)

    it("rejects bad registrations", function()
      assert.has_error(function() chronicle.register_view("bad name", { render = print }) end)
      assert.has_error(function() chronicle.register_view("x", {}) end)
    end)
  end)
end)
