local config = require("chronicle.config")

local function collect()
  local messages = {}
  return messages, function(msg, level) messages[#messages + 1] = { msg = msg, level = level } end
end

describe("config", function()
  it("has documented defaults for every option", function()
    local d = config.defaults()
    assert.are.equal("<CR>", d.keys.jump)
    assert.are.equal("q", d.keys.close)
    assert.are.equal("right", d.layout.side)
    assert.are.equal(300, d.debounce_ms)
    assert.is_true(d.follow)
    assert.are.equal("auto", d.language)
    assert.is_nil(d.date)
    assert.are.same({}, d.aliases)
    assert.is_nil(d.hooks.format_event)
    for _, o in ipairs(config.schema) do
      assert.is_string(o.desc, o.name)
      assert.truthy(#o.desc > 0, o.name)
    end
  end)

  it("works without setup()", function()
    assert.are.equal(300, config.get().debounce_ms)
  end)

  it("merges user options deeply over the defaults", function()
    local msgs, notify = collect()
    local cfg = config.setup({ keys = { jump = "o" }, layout = { size = 30 }, aliases = { ["Путина"] = "Владимир Путин" } }, notify)
    assert.are.same({}, msgs)
    assert.are.equal("o", cfg.keys.jump)
    assert.are.equal("p", cfg.keys.preview) -- untouched siblings stay
    assert.are.equal(30, cfg.layout.size)
    assert.are.equal("right", cfg.layout.side)
    assert.are.equal(0.8, cfg.layout.float.width)
    assert.are.equal("Владимир Путин", cfg.aliases["Путина"])
    assert.are.equal(cfg, config.get())
    config.setup(nil)
  end)

  it("removes a key set to false", function()
    local cfg = config.resolve({ keys = { help = false } })
    assert.is_false(cfg.keys.help)
  end)

  it("does not share tables with the defaults", function()
    local a = config.resolve({ aliases = { x = "y" } })
    local b = config.resolve()
    assert.is_nil(b.aliases.x)
    a.layout.float.width = 3
    assert.are.equal(0.8, config.defaults().layout.float.width)
  end)

  it("warns about unknown keys through notify and ignores them", function()
    local msgs, notify = collect()
    local cfg = config.setup({ colour = "red", keys = { jmup = "x" } }, notify)
    assert.are.equal(2, #msgs)
    assert.are.equal("warn", msgs[1].level)
    assert.truthy(msgs[1].msg:find("unknown option `colour`", 1, true))
    assert.truthy(msgs[2].msg:find("unknown option `keys.jmup`", 1, true))
    assert.is_nil(cfg.colour)
    assert.are.same({ "unknown option `colour`", "unknown option `keys.jmup`" }, config.problems())
    config.setup(nil)
  end)

  it("rejects wrong types, values outside an enum and bad dates, keeping defaults", function()
    local cfg, problems = config.resolve({
      debounce_ms = "fast", layout = { side = "diagonal" }, date = "10.01.2022",
      hooks = { format_event = "not a function" }, follow = 1, keys = { close = true },
    })
    assert.are.equal(300, cfg.debounce_ms)
    assert.are.equal("right", cfg.layout.side)
    assert.is_nil(cfg.date)
    assert.is_nil(cfg.hooks.format_event)
    assert.is_true(cfg.follow)
    assert.are.equal("q", cfg.keys.close)
    assert.are.equal(6, #problems)
    local all = table.concat(problems, "\n")
    assert.truthy(all:find("`debounce_ms` must be number, got string", 1, true))
    assert.truthy(all:find("`layout.side` must be one of right|left|top|bottom|float", 1, true))
    assert.truthy(all:find("`date` must look like YYYY-MM-DD", 1, true))
  end)

  it("rejects a negative debounce and non-string aliases", function()
    local cfg, problems = config.resolve({ debounce_ms = -1, aliases = { a = 1, b = "B" } })
    assert.are.equal(300, cfg.debounce_ms)
    assert.is_nil(cfg.aliases.a)
    assert.are.equal("B", cfg.aliases.b)
    assert.are.equal(2, #problems)
  end)

  it("accepts hooks and a valid date", function()
    local f = function() end
    local cfg, problems = config.resolve({ hooks = { on_model = f }, date = "2022-01-10", language = "ru" })
    assert.are.same({}, problems)
    assert.are.equal(f, cfg.hooks.on_model)
    assert.are.equal("2022-01-10", cfg.date)
    assert.are.equal("ru", cfg.language)
  end)

  it("reports a non-table argument", function()
    local _, problems = config.resolve("yes")
    assert.are.equal(1, #problems)
  end)
end)
