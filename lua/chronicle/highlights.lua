--- Highlight groups used by the views and the document marks. Each is
--- defined as a `default = true` link, so a colour scheme or the user wins;
--- `config.highlights` overrides them. Applied again on ColorScheme.
local M = {}

--- {name, default link, what it shows}
M.groups = {
  { "ChronicleHeader", "Title", "view titles" },
  { "ChronicleKind", "Statement", "Persons, Places... headings" },
  { "ChronicleDate", "Special", "day headings in the timeline" },
  { "ChronicleDocDate", "Comment", "the \"document date\" mark" },
  { "ChronicleEventType", "Type", "event type markers" },
  { "ChronicleTime", "Number", "time of day" },
  { "ChronicleSummary", "Normal", "event summaries" },
  { "ChronicleParticipant", "Identifier", "participant names" },
  { "ChronicleRole", "String", "roles and titles" },
  { "ChronicleMuted", "Comment", "counts, separators, secondary text" },
  { "ChronicleFilter", "WarningMsg", "the active timeline filter" },
  { "ChronicleMention", "Search", "mentions of the selected participant" },
  { "ChroniclePreview", "IncSearch", "the place shown by preview" },
  { "ChronicleCurrent", "Visual", "the event under the document cursor" },
}

---Define the groups (Neovim only).
---@param overrides? table<string, table|string> group -> nvim_set_hl definition or link target
function M.apply(overrides)
  overrides = overrides or {}
  for _, g in ipairs(M.groups) do
    local name, link = g[1], g[2]
    local o = overrides[name]
    if type(o) == "table" then
      vim.api.nvim_set_hl(0, name, o)
    elseif type(o) == "string" then
      vim.api.nvim_set_hl(0, name, { link = o })
    else
      vim.api.nvim_set_hl(0, name, { link = link, default = true })
    end
  end
end

return M
