-- chronicle: registers :Chronicle only; everything else loads on first use.
if vim.g.loaded_chronicle then return end
vim.g.loaded_chronicle = 1

vim.api.nvim_create_user_command("Chronicle", function(opts)
  require("chronicle.host.nvim").command(opts.fargs)
end, {
  nargs = "*",
  desc = "chronicle: timeline | people | view NAME | refresh | close | date YYYY-MM-DD | lang ru|en",
  complete = function(arglead, cmdline, cursorpos)
    return require("chronicle.host.nvim").complete(arglead, cmdline, cursorpos)
  end,
})
