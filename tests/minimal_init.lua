-- Minimal, isolated Neovim setup for chronicle's end-to-end tests:
-- nvim --headless -u tests/minimal_init.lua -c "luafile tests/nvim/smoke.lua"
-- (tests/nvim/run.sh also points the XDG_* directories at a temporary place).
local root = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
vim.opt.runtimepath = { root, vim.env.VIMRUNTIME, root .. "/after" }
vim.opt.packpath = {}
vim.opt.swapfile = false
vim.opt.shadafile = "NONE"
vim.opt.more = false
vim.g.chronicle_test_root = root
vim.cmd("filetype on")
vim.cmd("runtime plugin/chronicle.lua")
