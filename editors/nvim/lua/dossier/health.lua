-- :checkhealth dossier
local M = {}

local health = vim.health or {}
local start = health.start or health.report_start or function(s) vim.fn['health#report_start'](s) end
local ok = health.ok or health.report_ok or function(s) vim.fn['health#report_ok'](s) end
local warn = health.warn or health.report_warn or function(s) vim.fn['health#report_warn'](s) end
local error = health.error or health.report_error or function(s) vim.fn['health#report_error'](s) end

function M.check()
  start('dossier')
  if vim.fn.has('nvim-0.7.2') == 1 then
    ok('Neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  else
    error('Neovim 0.7.2 or newer is required')
  end
  local dossier = require('dossier')
  if not dossier.config then
    warn("require('dossier').setup({...}) has not been called")
    return
  end
  local cmd = dossier.config.cmd or { dossier.config.server_path }
  local exe = vim.fn.exepath(cmd[1])
  if exe == '' then
    error(cmd[1] .. ' is not executable: build it with scripts/build, then set server_path or put it on PATH')
  else
    local version = vim.fn.system({ exe, '--version' })
    if vim.v.shell_error == 0 then ok(exe .. ': ' .. vim.trim(version)) else warn(exe .. ' --version failed: ' .. version) end
  end
  local any = false
  for root, id in pairs(dossier.clients) do
    local client = vim.lsp.get_client_by_id(id)
    if client and not client.is_stopped(client) then
      any = true
      ok(('client %d serves %s'):format(id, root))
    end
  end
  if not any then warn('no Dossier client is running (open a text or markdown file under a workspace root)') end
  for _, exit in ipairs(dossier.exits) do
    error(('dossier-ls for %s exited with code %d, signal %d'):format(exit.root, exit.code, exit.signal))
  end
end

return M
