-- Acceptance check on the canonical sample of ../shared (issues 3 and 4,
-- "Measured"): run by `make eval`, never by `make test`, because it reads
-- ../shared.  The same article is checked as plain text with the date
-- option and as an HTML page (built here, at run time) that carries its
-- date in article:published_time.
--   lua5.4 tests/eval/sample_check.lua ../shared/data/samples/csto-session-2022-01-10.ru.txt
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
local chronicle = require("chronicle")

local path = assert(arg[1], "usage: sample_check.lua SAMPLE.txt")
local f = assert(io.open(path, "rb"))
local text = f:read("*a")
f:close()

local passed, failed = 0, 0
local function check(ok, what)
  if ok then passed = passed + 1 else failed = failed + 1 end
  print(("%s %d - %s"):format(ok and "ok" or "not ok", passed + failed, what))
end

local function html_page(body)
  local paras = {}
  for line in body:gmatch("[^\n]+") do
    paras[#paras + 1] = "<p>" .. line:gsub("&", "&amp;"):gsub("<", "&lt;") .. "</p>"
  end
  return table.concat({
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Сессия СКБ ОДКБ</title>",
    "<meta property=\"article:published_time\" content=\"2022-01-10T15:00:00+06:00\">",
    "</head><body><nav><a href=\"/\">Главная</a></nav><article>",
    table.concat(paras, "\n"), "</article><footer>© 2022</footer></body></html>" }, "\n")
end

local expected_people = {
  { "Касым-Жомарт", "Токаев" }, { "Никол", "Пашинян" }, { "Александр", "Лукашенко" },
  { "Владимир", "Путин" }, { "Эмомали", "Рахмон" }, { "Акылбек", "Жапаров" },
  { "Станислав", "Зась" },
}
local countries = { "Казахстан", "Армения", "Беларусь", "Россия", "Таджикистан", "Кыргызстан" }

local function run(label, model)
  check(model ~= nil, label .. ": parses")
  if not model then return end
  local persons, by_family, places, orgs = {}, {}, {}, {}
  for _, p in ipairs(model.participants) do
    if p.kind == "person" then
      persons[#persons + 1] = p
      if p.family then by_family[p.family] = p end
    elseif p.kind == "location" then places[p.name or ""] = p
    elseif p.kind == "organization" then orgs[p.name or ""] = p end
  end
  check(#persons == 7, ("%s: exactly seven persons (got %d)"):format(label, #persons))
  for _, want in ipairs(expected_people) do
    local p = by_family[want[2]]
    check(p and p.given == want[1], ("%s: %s %s with the nominative given name"):format(label, want[1], want[2]))
  end
  local tokaev = by_family["Токаев"] or { mentions = {}, roles = {} }
  local nominal = {}
  for _, m in ipairs(tokaev.mentions) do
    if m.type == "nominal" then nominal[#nominal + 1] = m.text end
  end
  local joined = table.concat(nominal, "|")
  check(#nominal >= 4 and joined:find("Глава государства", 1, true) and joined:find("Президента Казахстана", 1, true),
    label .. ": Токаев carries the nominal mentions (" .. joined .. ")")
  local role_ok = false
  for _, r in ipairs(tokaev.roles) do role_ok = role_ok or (r.title == "президент" and r.of == "Казахстан") end
  check(role_ok, label .. ": Токаев is Президент Казахстана")
  local zas = by_family["Зась"] or { roles = {} }
  check(zas.roles[1] and zas.roles[1].text == "Генеральный секретарь ОДКБ", label .. ": Зась is Генеральный секретарь ОДКБ")
  check(orgs["ОДКБ"] ~= nil, label .. ": ОДКБ is an organisation")
  for _, c in ipairs(countries) do check(places[c] ~= nil, label .. ": " .. c .. " is a place") end

  local today
  for _, t in ipairs(model.times) do if t.text == "Сегодня" then today = t.value end end
  check(today == "2022-01-10", label .. ": «Сегодня» is 2022-01-10")
  check(#model.events >= 7, ("%s: at least 7 events (got %d)"):format(label, #model.events))
  local first
  for _, e in ipairs(model.events) do if e.order == 1 then first = e end end
  local attending = 0
  if first then
    local ids = {}
    for _, x in ipairs(first.participants) do ids[x.id] = true end
    for _, want in ipairs(expected_people) do
      local p = by_family[want[2]]
      if p and ids[p.id] then attending = attending + 1 end
    end
  end
  check(first and first.type == "meeting" and attending >= 6,
    ("%s: the session (meeting) comes first with >= 6 of 7 officials (%d)"):format(label, attending))
  local statements, report, agreement, all_dated = 0, false, false, true
  for _, e in ipairs(model.events) do
    local agent
    for _, x in ipairs(e.participants) do if x.role == "agent" then agent = x.id end end
    if e.type == "statement" and agent == tokaev.id then statements = statements + 1 end
    if e.trigger.lemma == "доложить" and agent == zas.id then report = true end
    if e.trigger.lemma == "договориться" and e.type == "agreement" then agreement = true end
    all_dated = all_dated and e.time ~= nil and e.time.value == "2022-01-10"
  end
  check(statements >= 4, ("%s: >= 4 statements by Токаев (%d)"):format(label, statements))
  check(report, label .. ": «доложил» is a report by Зась")
  check(agreement, label .. ": «договорились» is an agreement")
  check(all_dated, label .. ": every event is on 2022-01-10")
end

run("text", chronicle.parse(text, { date = "2022-01-10", path = path }))
local html_model = chronicle.parse(html_page(text), { format = "html" })
run("html", html_model)
check(html_model and html_model.document.date == "2022-01-10" and html_model.document.date_source == "meta",
  "html: the date comes from article:published_time")

print(("%d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
