local M = require("chronicle.model")

local function fixture() return dofile("tests/fixtures/csto.lua") end

local function text()
  local f = assert(io.open("tests/fixtures/csto.txt", "rb"))
  local t = f:read("*a")
  f:close()
  return t
end

describe("model", function()
  it("indexes participants, events and times by id", function()
    local m = fixture()
    assert.are.equal("Касым-Жомарт Токаев", M.participant(m, "p2").name)
    assert.are.equal("visit", M.event(m, "e4").type)
    assert.are.equal("2022-01-07", M.time(m, "t3").value)
    assert.is_nil(M.participant(m, "p99"))
  end)

  it("gives short names: family name, else name, else first role", function()
    assert.are.equal("Токаев", M.short_name({ family = "Токаев", name = "Касым-Жомарт Токаев" }))
    assert.are.equal("ОДКБ", M.short_name({ name = "ОДКБ" }))
    assert.are.equal("Генеральный секретарь", M.short_name({ roles = { { text = "Генеральный секретарь" } } }))
    assert.are.equal("p7", M.short_name({ id = "p7", roles = {} }))
  end)

  it("finds the day of time values", function()
    assert.are.equal("2022-01-10", M.day_of("2022-01-10"))
    assert.are.equal("2022-01-10", M.day_of("2022-01-10T14:00"))
    assert.are.equal("2022-01", M.day_of("2022-01"))
    assert.are.equal("2022-W02", M.day_of("2022-W02"))
    assert.are.equal("XXXX-06-28", M.day_of("XXXX-06-28"))
    assert.is_nil(M.day_of("P3D"))
    assert.is_nil(M.day_of("PRESENT_REF"))
    assert.is_nil(M.day_of(nil))
    assert.are.equal("14:00", M.time_of_day({ time = { value = "2022-01-10T14:00" } }))
    assert.is_nil(M.time_of_day({ time = { value = "2022-01-10" } }))
    assert.is_nil(M.time_of_day({}))
  end)

  it("groups events by day, days ascending, undated last", function()
    local groups = M.events_by_day(fixture())
    assert.are.equal(3, #groups)
    assert.are.equal("2022-01-07", groups[1].day)
    assert.are.equal("2022-01-10", groups[2].day)
    assert.are.same({ "e2", "e3" }, { groups[2].events[1].id, groups[2].events[2].id })
    assert.is_nil(groups[3].day)
    assert.are.equal("e4", groups[3].events[1].id)
  end)

  it("finds the mention and the event at a byte offset", function()
    local m, t = fixture(), text()
    local at = t:find("Токаев", 1, true) -- inside "Касым-Жомарт Токаев"
    local p, mention = M.mention_at(m, at) -- 1-based position = 0-based offset + 1
    assert.are.equal("p2", p.id)
    assert.are.equal("Касым-Жомарт Токаев", mention.text)
    assert.is_nil((M.mention_at(m, t:find("приняли", 1, true))))
    assert.are.equal("e3", M.event_at(m, t:find("проинформировал", 1, true)).id)
    assert.is_nil(M.event_at(m, 0))
  end)

  it("converts byte offsets to (row, col) and back", function()
    local lines = { "Сегодня", "", "в 10:00 – сессия" }
    local starts = M.line_starts(lines)
    assert.are.same({ 0, 15, 16 }, starts)
    assert.are.same({ 1, 0 }, { M.offset_to_pos(starts, 0) })
    assert.are.same({ 1, 2 }, { M.offset_to_pos(starts, 2) })
    assert.are.same({ 2, 0 }, { M.offset_to_pos(starts, 15) })
    assert.are.same({ 3, 4 }, { M.offset_to_pos(starts, 20) })
    assert.are.equal(20, M.pos_to_offset(starts, 3, 4))
    local m, t = fixture(), text()
    local tl = {}
    for l in (t .. "\n"):gmatch("(.-)\n") do tl[#tl + 1] = l end
    local s = M.line_starts(tl)
    for _, p in ipairs(m.participants) do
      for _, mention in ipairs(p.mentions) do
        assert.are.same({ mention.line, mention.col }, { M.offset_to_pos(s, mention.start) })
      end
    end
  end)

  it("lists participants by kind, each ordered by first appearance", function()
    local groups = M.participants_by_kind(fixture())
    local kinds = {}
    for i, g in ipairs(groups) do kinds[i] = g.kind end
    assert.are.same({ "person", "organization", "location", "group" }, kinds)
    assert.are.equal("p1", groups[1].participants[1].id)
    assert.are.equal("Нур-Султан", groups[3].participants[1].name)
  end)

  it("resolves the jump target of events and participants", function()
    local m = fixture()
    assert.are.equal(m.events[1].sentence.start, M.target_offset(m.events[1]))
    assert.are.equal(m.participants[2].mentions[1].start, M.target_offset(m.participants[2]))
    assert.are.equal(5, M.target_offset({ start = 5 }))
    assert.is_nil(M.target_offset({}))
  end)

  it("renames a participant through an alias", function()
    local m = fixture()
    M.apply_aliases(m, { ["Никола Пашиняна"] = "Nikol Pashinyan" })
    assert.are.equal("Nikol Pashinyan", M.participant(m, "p1").name)
    assert.are.equal("Nikol Pashinyan", M.short_name(M.participant(m, "p1")))
  end)

  it("merges a participant into the one bearing the canonical name", function()
    local m = fixture()
    M.apply_aliases(m, { ["Станислав Зась"] = "Владимир Путин" })
    assert.is_nil(M.participant(m, "p5"))
    local putin = M.participant(m, "p4")
    assert.are.equal(3, #putin.mentions)
    assert.are.same({ "e2", "e4", "e1" }, putin.events)
    assert.are.equal("p4", M.event(m, "e1").participants[1].id)
    assert.are.equal(8, #m.participants)
  end)
end)
