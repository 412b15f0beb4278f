--- A small builder for view results: lines of highlighted chunks become
--- `{lines, highlights, items, folds}` (see views/init.lua).
local M = {}

local Builder = {}
Builder.__index = Builder

---@class chronicle.ViewResult
---@field lines string[]
---@field highlights {line: integer, col_start: integer, col_end: integer, group: string}[] 0-based line, byte columns, end-exclusive (-1: to the end)
---@field items table<integer, table> 1-based line -> model object (event, participant, ...)
---@field folds? {[1]: integer, [2]: integer}[] 1-based inclusive line ranges

---Normalise text or chunks into a list of {text, group}. Raises on a value
---that is neither (callers run user formatters under pcall).
---@param value string|table
---@return table[] chunks
function M.chunks(value)
  if type(value) == "string" then return { { value } } end
  if type(value) ~= "table" then
    error(("expected a string or a list of {text, hl_group} chunks, got %s"):format(type(value)), 0)
  end
  local out = {}
  for i, c in ipairs(value) do
    if type(c) == "string" then
      out[i] = { c }
    elseif type(c) == "table" and type(c[1]) == "string"
      and (c[2] == nil or type(c[2]) == "string") then
      out[i] = { c[1], c[2] }
    else
      error(("chunk %d is not a string or {text, hl_group}"):format(i), 0)
    end
  end
  return out
end

---Number of characters (UTF-8 code points) in `s`: the display width of
---text without wide or combining characters.
---@param s string
---@return integer
function M.width(s)
  local _, cont = s:gsub("[\128-\191]", "")
  return #s - cont
end

---Pad `s` with spaces to `width` characters.
---@param s string
---@param width integer
---@return string
function M.pad(s, width)
  local w = M.width(s)
  if w >= width then return s end
  return s .. string.rep(" ", width - w)
end

---@return table builder
function M.new()
  return setmetatable({ lines = {}, highlights = {}, items = {}, folds = {} }, Builder)
end

---Append a line made of chunks (or a plain string); returns its 1-based
---line number. `item` is the model object the line shows.
---@param chunks string|table
---@param item? table
---@return integer lnum
function Builder:add(chunks, item)
  local parts, col = {}, 0
  local lnum = #self.lines + 1
  for i, c in ipairs(M.chunks(chunks)) do
    local text = c[1]
    -- most chunks have no line break: skip the gsub allocation for them
    if text:find("\n", 1, true) or text:find("\r", 1, true) then text = text:gsub("[\r\n]", " ") end
    parts[i] = text
    if c[2] and #text > 0 then
      self.highlights[#self.highlights + 1] =
        { line = lnum - 1, col_start = col, col_end = col + #text, group = c[2] }
    end
    col = col + #text
  end
  self.lines[lnum] = table.concat(parts)
  if item ~= nil then self.items[lnum] = item end
  return lnum
end

---Append an empty line.
function Builder:blank() return self:add("") end

---The two lines every built-in view starts with: a title and a muted summary.
---@param title string
---@param summary string
function Builder:header(title, summary)
  self:add({ { title, "ChronicleHeader" } })
  self:add({ { summary, "ChronicleMuted" } })
end

---The result of a view with nothing to show, after a blank line.
---@param message string
---@return chronicle.ViewResult
function Builder:empty(message)
  self:blank()
  self:add({ { message, "ChronicleMuted" } })
  return self:result()
end

---Record a fold over lines `first`..`last` (1-based, inclusive).
function Builder:fold(first, last)
  if last > first then self.folds[#self.folds + 1] = { first, last } end
end

---@return chronicle.ViewResult
function Builder:result()
  return { lines = self.lines, highlights = self.highlights, items = self.items, folds = self.folds }
end

return M
