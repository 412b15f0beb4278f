--- The terminal front end (bin/chronicle): JSON models and the same pure
--- views as in Neovim, printed as plain text.
local M = {}

local USAGE = [[
Usage: chronicle [OPTIONS] COMMAND [ARGS]

Commands:
  json FILE...        print the model of each file as one JSON object per line,
                      in input order (docs/model.md)
  timeline FILE...    print the timeline: events grouped by day
  people FILE...      print the participants: persons, organisations, places
  view NAME FILE...   print any registered view (built in: timeline, people)
  views               list the registered views

Options:
  --format F    auto|text|html|xml|markdown (default auto: file name and content)
  --lang L      auto|ru|en (default auto)
  --date D      document date YYYY-MM-DD, anchors relative times
  --load FILE   run a Lua file first, e.g. one that registers a view:
                chronicle --load examples/lanes.lua view lanes FILE
  --timings     add per-stage timings to the JSON (seconds)
  -h, --help    show this help
  --version     show the versions of chronicle, its native module and libxml2

FILE "-" reads standard input. Files are read as bytes; the encoding and the
format are detected. When a file cannot be read or parsed, json prints
{"schema":"chronicle/1","error":"...","document":{"path":...}} in its place,
the reason goes to stderr, and the next file is processed.

Exit status: 0 success, 1 a file could not be read or parsed (or the native
module is not built), 2 bad usage.
]]

local ENUMS = {
  format = { auto = true, text = true, html = true, xml = true, markdown = true },
  lang = { auto = true, ru = true, en = true },
}

local function usage_error(io_, msg)
  io_.stderr:write("chronicle: ", msg, "\nTry 'chronicle --help'.\n")
  return 2
end

-- Parse argv into {command, args, opts}; returns nil, message on bad usage.
local function parse_args(argv)
  local opts, rest, i = { format = "auto", lang = "auto", load = {} }, {}, 1
  local only_files = false
  while i <= #argv do
    local a = argv[i]
    local name, value = a:match("^%-%-([%w-]+)=(.*)$")
    if only_files or a == "-" or a:sub(1, 1) ~= "-" then
      rest[#rest + 1] = a
    elseif a == "--" then
      only_files = true
    elseif a == "-h" or a == "--help" then
      opts.help = true
    elseif a == "--version" then
      opts.version = true
    elseif a == "--timings" then
      opts.timings = true
    else
      name = name or a:match("^%-%-([%w-]+)$")
      if name ~= "format" and name ~= "lang" and name ~= "date" and name ~= "load" then
        return nil, ("unknown option '%s'"):format(a)
      end
      if not value then
        i = i + 1
        value = argv[i]
        if value == nil then return nil, ("option --%s needs a value"):format(name) end
      end
      if ENUMS[name] and not ENUMS[name][value] then
        return nil, ("--%s must be one of auto, %s; got '%s'"):format(name,
          name == "lang" and "ru, en" or "text, html, xml, markdown", value)
      elseif name == "date" and not value:match("^%d%d%d%d%-%d%d%-%d%d$") then
        return nil, ("--date must look like YYYY-MM-DD; got '%s'"):format(value)
      elseif name == "load" then
        opts.load[#opts.load + 1] = value
      else
        opts[name] = value
      end
    end
    i = i + 1
  end
  local args = {}
  for k = 2, #rest do args[k - 1] = rest[k] end
  return { command = rest[1], args = args, opts = opts }
end

-- Read a whole file (or stdin for "-") as bytes.
local function read_input(io_, path)
  if path == "-" then
    local data = io_.stdin:read("*a")
    if not data then return nil, "cannot read standard input" end
    return data
  end
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local data, rerr = f:read("*a")
  f:close()
  if not data then return nil, ("%s: %s"):format(path, tostring(rerr or "cannot read")) end
  return data
end

local function strip_path(path, msg)
  msg = tostring(msg):gsub("^chronicle: ", "")
  local prefix = path .. ": "
  if msg:sub(1, #prefix) == prefix then msg = msg:sub(#prefix + 1) end
  return msg
end

-- Read and parse one input; returns model, or nil and a reason.
local function load_model(io_, chronicle, path, opts)
  local text, err = read_input(io_, path)
  if not text then return nil, strip_path(path, err) end
  local model, perr = chronicle.parse(text, {
    format = opts.format, language = opts.lang, date = opts.date,
    path = path ~= "-" and path or nil, timings = opts.timings,
  })
  if not model then return nil, strip_path(path, perr) end
  return model
end

local function versions(native)
  local chronicle = require("chronicle")
  local mod = native.load()
  if not mod then return ("chronicle %s (native module not built)"):format(chronicle.version) end
  return ("chronicle %s (native %s, libxml2 %s)"):format(chronicle.version,
    tostring(mod.version), tostring(mod.libxml2_version))
end

---Run the command line; returns the exit status.
---@param argv string[]
---@param io_? {stdin: file*, stdout: file*, stderr: file*}
---@return integer
function M.main(argv, io_)
  io_ = io_ or { stdin = io.stdin, stdout = io.stdout, stderr = io.stderr }
  local parsed, perr = parse_args(argv)
  if not parsed then return usage_error(io_, perr) end
  local opts, command, args = parsed.opts, parsed.command, parsed.args
  local native = require("chronicle.native")
  if opts.help then io_.stdout:write(USAGE); return 0 end
  if opts.version then io_.stdout:write(versions(native), "\n"); return 0 end
  if not command then return usage_error(io_, "missing command") end

  local chronicle = require("chronicle")
  chronicle.reporter.notify = function(msg) io_.stderr:write(msg, "\n") end
  for _, file in ipairs(opts.load) do
    local ok, err = pcall(dofile, file)
    if not ok then
      io_.stderr:write("chronicle: --load ", file, ": ", tostring(err), "\n")
      return 1
    end
  end

  local view
  if command == "views" then
    local views = require("chronicle.views")
    for _, name in ipairs(views.list()) do
      io_.stdout:write(name, "\t", views.get(name).description or "", "\n")
    end
    return 0
  elseif command == "timeline" or command == "people" then
    view = command
  elseif command == "view" then
    view = table.remove(args, 1)
    if not view then return usage_error(io_, "view needs a NAME and a FILE") end
    if not require("chronicle.views").get(view) then
      return usage_error(io_, ("no view named '%s' (views: %s)"):format(view,
        table.concat(require("chronicle.views").list(), ", ")))
    end
  elseif command ~= "json" then
    return usage_error(io_, ("unknown command '%s'"):format(command))
  end
  if #args == 0 then return usage_error(io_, command .. " needs at least one FILE") end

  local _, nerr = native.load()
  if nerr then io_.stderr:write(nerr, "\n"); return 1 end

  local out, status = io_.stdout, 0
  pcall(out.setvbuf, out, "full")
  local json = command == "json" and require("chronicle.json")
  for i, path in ipairs(args) do
    local model, err = load_model(io_, chronicle, path, opts)
    if not model then
      status = 1
      io_.stderr:write(("chronicle: %s: %s\n"):format(path, err))
      if json then out:write(json.encode_error(path ~= "-" and path or nil, err), "\n") end
    elseif json then
      out:write(json.encode_model(model), "\n")
    else
      local res, rerr = chronicle.render(view, model, { notify = chronicle.reporter.notify })
      if not res then
        status = 1
        io_.stderr:write(("chronicle: %s: %s\n"):format(path, strip_path(path, rerr)))
      else
        if #args > 1 then out:write(i > 1 and "\n" or "", "==> ", path, " <==\n") end
        out:write(table.concat(res.lines, "\n"), "\n")
      end
    end
    out:flush()
  end
  return status
end

-- Run as a script (bin/chronicle): `...` holds the arguments, not a module name.
local first = ...
if first ~= "chronicle.cli" and type(arg) == "table" then
  local argv = {}
  for i = 1, #arg do argv[i] = arg[i] end
  local status = M.main(argv)
  io.stdout:flush()
  os.exit(status)
end

return M
