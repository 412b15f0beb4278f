local json = require("chronicle.json")
local cjson = require("cjson")

local function fixture() return dofile("tests/fixtures/csto.lua") end

-- Keys of the first object found after `"name":` in a JSON text, in order.
local function keys_in_order(text)
  local keys = {}
  for k in text:gmatch('"([%w_]+)":') do keys[#keys + 1] = k end
  return keys
end

describe("json", function()
  it("writes the model's keys in the order of docs/model.md", function()
    local out = json.encode_model({
      events = {}, times = {}, participants = {},
      document = { bytes = 3, format = "text", language = "en", path = "a.txt", warnings = {} },
      schema = "chronicle/1",
    })
    assert.are.same({ "schema", "document", "path", "format", "language", "title", "date",
      "date_source", "bytes", "warnings", "participants", "times", "events" }, keys_in_order(out))
  end)

  it("writes null for the model's absent fields and [] for absent lists", function()
    local out = json.encode_model({ schema = "chronicle/1", document = { bytes = 0 } })
    assert.truthy(out:find('"title":null', 1, true))
    assert.truthy(out:find('"date_source":null', 1, true))
    assert.truthy(out:find('"participants":[]', 1, true))
    assert.truthy(out:find('"warnings":[]', 1, true))
    local e = json.encode_model({ schema = "chronicle/1", document = {}, events = { { id = "e1" } } })
    assert.truthy(e:find('"time":null', 1, true))
    assert.truthy(e:find('"place":null', 1, true))
  end)

  it("round-trips the fixture model through a JSON parser", function()
    local m = fixture()
    local back = cjson.decode(json.encode_model(m))
    assert.are.equal("chronicle/1", back.schema)
    assert.are.equal(m.document.title, back.document.title)
    assert.are.equal(#m.participants, #back.participants)
    assert.are.same(m.participants[2].mentions, back.participants[2].mentions)
    assert.are.same(m.events[1].participants, back.events[1].participants)
    assert.are.equal(cjson.null, back.events[4].time)
    assert.are.equal(m.events[2].time.value, back.events[2].time.value)
  end)

  it("prints integers without a fraction and floats exactly", function()
    assert.are.equal("[3,0,-7,1e+15]", json.encode({ 3, 0.0, -7.0, 1e15 }))
    assert.are.equal("[0.5,0.1,1e-07]", json.encode({ 0.5, 0.1, 1e-7 }))
    assert.are.equal('{"start":12,"end":4104}', json.encode({ start = 12, ["end"] = 4104 },
      { { "start" }, { "end" } }))
    assert.are.equal("[null,null]", json.encode({ 0 / 0, math.huge }))
  end)

  it("escapes quotes, backslashes and control characters", function()
    assert.are.equal([["a\"b\\c\n\t\u0001\u001f\u007f"]], json.encode('a"b\\c\n\t\1\31\127'))
  end)

  it("passes UTF-8 through and replaces invalid bytes", function()
    assert.are.equal('"Касым-Жомарт «Токаев» 😀"', json.encode("Касым-Жомарт «Токаев» 😀"))
    local out = json.encode("a\255b\208")
    assert.are.equal('"a\239\191\189b\239\191\189"', out)
    assert.are.equal("a\239\191\189b\239\191\189", cjson.decode(out))
    assert.are.equal('"\239\191\189\239\191\189"', json.encode("\192\175")) -- overlong "/"
    assert.are.equal('"\239\191\189\239\191\189\239\191\189"', json.encode("\237\160\128")) -- surrogate
  end)

  it("adds fields the model does not list after the listed ones, sorted", function()
    local out = json.encode_model({ schema = "chronicle/1", document = {}, timings = { segment = 1, decode = 2 },
      extra = true })
    assert.truthy(out:find('"events":%[%],"extra":true,"timings":{"decode":2,"segment":1}}$'))
  end)

  it("is deterministic", function()
    local m = fixture()
    assert.are.equal(json.encode_model(m), json.encode_model(fixture()))
  end)

  it("writes the error object of an unreadable file", function()
    assert.are.equal('{"schema":"chronicle/1","error":"No such file","document":{"path":"a \\"b\\".txt"}}',
      json.encode_error('a "b".txt', "No such file"))
    assert.are.equal('{"schema":"chronicle/1","error":"x","document":{"path":null}}', json.encode_error(nil, "x"))
  end)

  it("encodes a large model in one line", function()
    local mentions = {}
    for i = 1, 20000 do
      mentions[i] = { start = i, ["end"] = i + 5, line = i, col = 0, text = "Токаев", type = "name" }
    end
    local out = json.encode_model({ schema = "chronicle/1", document = {},
      participants = { { id = "p1", kind = "person", mentions = mentions } } })
    assert.is_nil(out:find("\n"))
    assert.are.equal(20000, #cjson.decode(out).participants[1].mentions)
  end)
end)
