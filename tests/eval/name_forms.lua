-- Name normalisation on ../shared/data/name-forms-dev.tsv (issue 3): every
-- declined form is put into a sentence that governs its case, and the
-- person found must carry exactly the nominative given and family names.
--   lua5.4 tests/eval/name_forms.lua ../shared/data/name-forms-dev.tsv [-v]
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
local chronicle = require("chronicle")

local path = assert(arg[1], "usage: name_forms.lua name-forms.tsv [-v]")
local verbose = arg[2] == "-v"

-- A frame per case: the words around the name make its case unambiguous.
local frames = {
  nominative = "Вчера %s заявил журналистам о своих планах.",
  genitive = "Журналисты дождались ответа от %s вчера вечером.",
  dative = "Журналисты направили письмо %s вчера вечером.",
  accusative = "Журналисты встретили %s вчера вечером.",
  instrumental = "Журналисты встретились с %s вчера вечером.",
  prepositional = "Журналисты рассказали о %s вчера вечером.",
}

local fold = function(s) return (s or ""):gsub("ё", "е"):gsub("Ё", "Е") end
local total, right, by_case = 0, 0, {}
for line in io.lines(path) do
  local given, family, _, case, form = line:match("^([^\t#]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
  if given and frames[case] then
    local model = chronicle.parse(frames[case]:format(form), { language = "ru" })
    local ok = false
    for _, p in ipairs(model and model.participants or {}) do
      if p.kind == "person" and fold(p.given) == fold(given) and fold(p.family) == fold(family) then ok = true end
    end
    total = total + 1
    by_case[case] = by_case[case] or { 0, 0 }
    by_case[case][2] = by_case[case][2] + 1
    if ok then
      right = right + 1
      by_case[case][1] = by_case[case][1] + 1
    elseif verbose then
      print(("miss  %-14s %-40s want %s %s"):format(case, form, given, family))
    end
  end
end
for _, case in ipairs({ "nominative", "genitive", "dative", "accusative", "instrumental", "prepositional" }) do
  local c = by_case[case]
  if c then print(("  %-14s %4d / %4d  %.1f%%"):format(case, c[1], c[2], 100 * c[1] / c[2])) end
end
print(("name-forms: %d / %d exactly right (%.1f%%)"):format(right, total, total > 0 and 100 * right / total or 0))
