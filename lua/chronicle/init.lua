--- chronicle: who did what and when in a news document.
---
--- The facade: every submodule is required lazily, so requiring "chronicle"
--- costs nothing. `setup()` is optional.
local M = {}

--- The plugin's version; the native module must report the same.
M.version = "0.1.0"

local levels = { info = 2, warn = 3, error = 4 } -- vim.log.levels

---Default notifier: vim.notify inside Neovim, stderr elsewhere.
---@type chronicle.Notify
local function default_notify(message, level)
  if type(vim) == "table" and vim.notify then
    vim.notify(message, (vim.log and vim.log.levels and vim.log.levels[(level or "info"):upper()]) or levels[level])
  else
    io.stderr:write(message, "\n")
  end
end

--- Where hook failures and option problems are reported (replaceable).
--- `reported` remembers hooks already reported, so each is reported once.
M.reporter = { notify = default_notify, reported = {} }

---Set options (see `:help chronicle-config`). Optional.
---@param opts? table
---@return table config
function M.setup(opts)
  M.reporter.reported = {}
  local cfg = require("chronicle.config").setup(opts, M.reporter.notify)
  local host = package.loaded["chronicle.host.nvim"]
  if host then host.on_setup(cfg) end
  return cfg
end

---@class chronicle.ParseOptions
---@field format? "auto"|"text"|"html"|"xml"|"markdown"
---@field language? "auto"|"ru"|"en"
---@field date? string document date YYYY-MM-DD
---@field path? string file name (format detection, reported back)
---@field timings? boolean add stage timings to the model

---Parse a document into a model (docs/model.md), then apply the configured
---aliases and the on_model hook.
---@param text string
---@param opts? chronicle.ParseOptions
---@return table|nil model
---@return string|nil err
function M.parse(text, opts)
  if type(text) ~= "string" then error("chronicle.parse: text must be a string", 2) end
  if opts ~= nil and type(opts) ~= "table" then error("chronicle.parse: opts must be a table", 2) end
  local cfg = require("chronicle.config").get()
  local native, err = require("chronicle.native").load()
  if not native then return nil, err end
  local ok, model, perr = pcall(native.parse, text, M._native_options(opts, cfg))
  if not ok then return nil, "chronicle: " .. tostring(model) end
  if not model then return nil, "chronicle: " .. tostring(perr or "the document could not be parsed") end
  return M._post_process(model, cfg)
end

---The options handed to the native parse for `chronicle.parse(text, opts)`
---(also used by the Neovim host for its background parse).
---@param opts? chronicle.ParseOptions
---@param cfg table the configuration
---@return table
function M._native_options(opts, cfg)
  opts = opts or {}
  local nopts = {
    format = opts.format or cfg.format,
    language = opts.language or cfg.language,
    date = opts.date or cfg.date,
    path = opts.path,
    timings = opts.timings and true or nil,
  }
  local lex = cfg.lexicon
  if lex and (#lex.titles > 0 or #lex.names > 0 or next(lex.events) ~= nil) then nopts.lexicon = lex end
  return nopts
end

---Apply the configured aliases (unless `skip_aliases`: the background parse
---applies them in its thread) and the on_model hook to a parsed model.
---@param model table
---@param cfg table the configuration
---@param skip_aliases? boolean
---@return table model
function M._post_process(model, cfg, skip_aliases)
  local model_util = require("chronicle.model")
  if not skip_aliases then model_util.apply_aliases(model, cfg.aliases) end
  local on_model = cfg.hooks and cfg.hooks.on_model
  if type(on_model) == "function" then
    local hok, res = require("chronicle.hooks").call(M.reporter, "on_model", on_model, model)
    if hok and type(res) == "table" then model = res end
    model_util.invalidate(model)
  end
  return model
end

---Register a view (see `:help chronicle-views`).
---@param name string
---@param spec chronicle.View
---@return chronicle.View
function M.register_view(name, spec)
  return require("chronicle.views").register_view(name, spec)
end

---Render a view of a model as {lines, highlights, items}.
---@param name string
---@param model table
---@param ctx? chronicle.ViewContext
---@return chronicle.ViewResult|nil
---@return string|nil err
function M.render(name, model, ctx)
  ctx = ctx or {}
  ctx.config = ctx.config or require("chronicle.config").get()
  ctx.notify = ctx.notify or M.reporter.notify
  ctx.reported = ctx.reported or M.reporter.reported
  return require("chronicle.views").render(name, model, ctx)
end

---Open a view of the current buffer (Neovim).
---@param view? string default "timeline"
function M.open(view) return require("chronicle.host.nvim").open(view) end

---Close the view of the current buffer (Neovim).
function M.close() return require("chronicle.host.nvim").close() end

---Parse the current buffer again and redraw its view (Neovim).
function M.refresh() return require("chronicle.host.nvim").refresh() end

return M
