-- chronicle.parse(): options reach the engine, aliases and on_model apply,
-- a failing hook is reported once. The engine is replaced by a stub that
-- returns the hand-written fixture model.
local chronicle = require("chronicle")
local config = require("chronicle.config")

describe("chronicle.parse", function()
  local saved, saved_notify, calls, messages

  before_each(function()
    saved, saved_notify = package.loaded["chronicle.native"], chronicle.reporter.notify
    calls, messages = {}, {}
    package.loaded["chronicle.native"] = { load = function()
      return { version = "0.1.0", parse = function(text, opts)
        calls[#calls + 1] = { text = text, opts = opts }
        if text == "fail" then return nil, "too large" end
        return dofile("tests/fixtures/csto.lua")
      end }
    end }
    chronicle.reporter.notify = function(msg, level) messages[#messages + 1] = { msg, level } end
  end)

  after_each(function()
    package.loaded["chronicle.native"] = saved
    chronicle.reporter.notify = saved_notify
    chronicle.setup(nil)
  end)

  it("passes the options and the configured defaults to the engine", function()
    chronicle.setup({ language = "ru", date = "2022-01-10" })
    local m = chronicle.parse("text", { path = "a.html", format = "html" })
    assert.are.equal("chronicle/1", m.schema)
    assert.are.same({ format = "html", language = "ru", date = "2022-01-10", path = "a.html" }, calls[1].opts)
    chronicle.parse("text", { language = "en", date = "2020-02-02" })
    assert.are.equal("en", calls[2].opts.language)
    assert.are.equal("2020-02-02", calls[2].opts.date)
    assert.are.equal("auto", calls[2].opts.format)
  end)

  it("returns nil and a message when the engine cannot parse", function()
    local m, err = chronicle.parse("fail")
    assert.is_nil(m)
    assert.truthy(err:find("too large", 1, true))
  end)

  it("raises on a bad argument", function()
    assert.has_error(function() chronicle.parse(nil) end)
    assert.has_error(function() chronicle.parse("x", "opts") end)
  end)

  it("applies aliases, then on_model", function()
    chronicle.setup({
      aliases = { ["Президент Казахстана"] = "Kassym-Jomart Tokayev" },
      hooks = { on_model = function(m)
        table.remove(m.participants, 1) -- drop Пашинян
        return m
      end },
    })
    local m = chronicle.parse("text")
    assert.are.equal("Kassym-Jomart Tokayev", m.participants[1].name)
    assert.are.equal(8, #m.participants)
    assert.are.same({}, messages)
  end)

  it("keeps the model when on_model fails, and says so once", function()
    chronicle.setup({ hooks = { on_model = function() error("bad hook") end } })
    local m = chronicle.parse("text")
    chronicle.parse("text")
    assert.are.equal(9, #m.participants)
    assert.are.equal(1, #messages)
    assert.truthy(messages[1][1]:find("on_model failed", 1, true))
    assert.are.equal("error", messages[1][2])
  end)
end)
