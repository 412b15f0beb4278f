-- bin/chronicle as a user runs it: a subprocess, real files, exit statuses.
-- Commands that parse need the native module (`make`); without it they are
-- reported as pending.
local cjson = require("cjson")

local root = io.popen("pwd"):read("*l")
local has_native = io.open(root .. "/lua/chronicle/native_54.so", "rb") ~= nil
local has_native_51 = io.open(root .. "/lua/chronicle/native_51.so", "rb") ~= nil

local function read(path)
  local f = io.open(path, "rb")
  if not f then return "" end
  local s = f:read("*a")
  f:close()
  return s
end

-- Run a shell command; returns exit status, stdout, stderr.
local function run(cmd, stdin)
  local tmp = os.tmpname()
  local script = ("(%s) <%s >%s.out 2>%s.err; echo $? >%s.rc"):format(cmd, stdin or "/dev/null", tmp, tmp, tmp)
  os.execute(script)
  local rc = tonumber(read(tmp .. ".rc"))
  local out, err = read(tmp .. ".out"), read(tmp .. ".err")
  for _, ext in ipairs({ "", ".out", ".err", ".rc" }) do os.remove(tmp .. ext) end
  return rc, out, err
end

local function lines(s)
  local t = {}
  for l in s:gmatch("([^\n]*)\n") do t[#t + 1] = l end
  return t
end

local bin = root .. "/bin/chronicle"
local fixture = "tests/fixtures/csto.txt"
local html = "tests/fixtures/news.html"

local function needs_native(name, fn)
  if has_native then
    it(name, fn)
  else
    pending(name .. " (native module not built: run `make`)")
  end
end

describe("bin/chronicle", function()
  it("prints help and exits 0", function()
    local rc, out = run(bin .. " --help")
    assert.are.equal(0, rc)
    for _, word in ipairs({ "json FILE", "timeline FILE", "people FILE", "view NAME FILE", "--format", "--lang", "--date" }) do
      assert.truthy(out:find(word, 1, true), "help lacks " .. word)
    end
  end)

  it("prints its version", function()
    local rc, out = run(bin .. " --version")
    assert.are.equal(0, rc)
    assert.truthy(out:match("^chronicle 0%.1%.0"))
  end)

  it("exits 2 with a message on bad usage", function()
    for _, args in ipairs({ "", "frobnicate x", "json", "--format pdf json x", "--date 10.01.2022 json x",
      "--bogus json x", "view", "view nosuch " .. fixture }) do
      local rc, out, err = run(bin .. " " .. args)
      assert.are.equal(2, rc, args)
      assert.are.equal("", out, args)
      assert.truthy(err:find("^chronicle: "), args)
    end
  end)

  it("finds its modules when started through a relative path or a symlink", function()
    local rc, out = run("cd tests && ../bin/chronicle views")
    assert.are.equal(0, rc)
    assert.truthy(out:find("timeline", 1, true))
    local link = os.tmpname()
    os.remove(link)
    os.execute(("ln -s %s %s"):format(bin, link))
    rc, out = run("cd / && " .. link .. " views")
    os.remove(link)
    assert.are.equal(0, rc)
    assert.truthy(out:find("people", 1, true))
  end)

  needs_native("prints one JSON object per file, in input order", function()
    local rc, out, err = run(("%s json %s %s %s"):format(bin, fixture, html, fixture))
    assert.are.equal(0, rc, err)
    local l = lines(out)
    assert.are.equal(3, #l)
    local a, b = cjson.decode(l[1]), cjson.decode(l[2])
    assert.are.equal("chronicle/1", a.schema)
    assert.are.equal(fixture, a.document.path)
    assert.are.equal(#read(fixture), a.document.bytes)
    assert.are.equal("text", a.document.format)
    assert.are.equal("html", b.document.format)
    assert.are.equal(l[1], l[3])
    assert.truthy(l[1]:match('^{"schema":"chronicle/1","document":{"path":'))
  end)

  needs_native("reports an unreadable file in its place and exits 1", function()
    local rc, out, err = run(("%s json %s /nonexistent/x.txt tests %s"):format(bin, fixture, fixture))
    assert.are.equal(1, rc)
    local l = lines(out)
    assert.are.equal(4, #l)
    local missing = cjson.decode(l[2])
    assert.are.equal("/nonexistent/x.txt", missing.document.path)
    assert.truthy(missing.error:find("No such file", 1, true))
    assert.are.equal("tests", cjson.decode(l[3]).document.path)
    assert.are.equal("chronicle/1", cjson.decode(l[4]).schema)
    assert.truthy(err:find("/nonexistent/x.txt: No such file", 1, true))
    assert.truthy(err:find("chronicle: tests: ", 1, true))
  end)

  needs_native("reads standard input for -", function()
    local rc, out = run(bin .. " json --lang ru --date 2022-01-10 -", fixture)
    assert.are.equal(0, rc)
    local m = cjson.decode(out)
    assert.are.equal(cjson.null, m.document.path)
    assert.are.equal("ru", m.document.language)
    assert.are.equal("2022-01-10", m.document.date)
    assert.are.equal(#read(fixture), m.document.bytes)
  end)

  needs_native("honours --format", function()
    local rc, out = run(bin .. " json --format markdown " .. fixture)
    assert.are.equal(0, rc)
    assert.are.equal("markdown", cjson.decode(out).document.format)
  end)

  needs_native("prints the timeline and people views as text", function()
    local rc, out = run(bin .. " timeline " .. fixture)
    assert.are.equal(0, rc)
    assert.truthy(out:find("^csto%.txt\n%d+ events? · "))
    rc, out = run(bin .. " people --date 2022-01-10 " .. fixture)
    assert.are.equal(0, rc)
    assert.truthy(out:find("%d+ persons? · %d+ organizations? · %d+ places?"))
  end)

  needs_native("prints a custom view loaded with --load", function()
    local rc, out, err = run(bin .. " --load examples/lanes.lua view lanes " .. fixture)
    assert.are.equal(0, rc, err)
    assert.truthy(out:find("^Lanes — "))
  end)

  if has_native_51 then
    it("runs under LuaJIT too", function()
      local rc, out, err = run("CHRONICLE_LUA=luajit " .. bin .. " json " .. fixture)
      assert.are.equal(0, rc, err)
      assert.are.equal("chronicle/1", cjson.decode(out).schema)
    end)
  else
    pending("runs under LuaJIT too (native_51.so not built: run `make`)")
  end
end)
