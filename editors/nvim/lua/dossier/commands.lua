-- :DossierRelated, :DossierEntity, :DossierReindex.
local M = {}

local function dossier() return require('dossier') end

-- client.request became a method (client:request) in 0.11; both spellings per version.
local function request(client, method, params, handler)
  if vim.fn.has('nvim-0.11') == 1 then return client:request(method, params, handler, 0) end
  return client.request(method, params, handler, 0)
end
M.request = request

local function client_or_warn()
  local client = dossier().client_for(0)
  if not client and vim.bo.buftype ~= '' then
    -- From the quickfix list or another special window: use the window we came from.
    local previous = vim.fn.win_getid(vim.fn.winnr('#'))
    if previous ~= 0 then client = dossier().client_for(vim.api.nvim_win_get_buf(previous)) end
    if not client then
      for _, id in pairs(dossier().clients) do
        client = vim.lsp.get_client_by_id(id)
        if client then break end
      end
    end
  end
  if not client then
    vim.notify('dossier: no Dossier server for this buffer', vim.log.levels.WARN)
  end
  return client
end

-- Quickfix entries for dossier/relatedPassages results: file, line, column, and the score and reason.
function M.related_items(passages, offset_encoding)
  local items = vim.lsp.util.locations_to_items(passages, offset_encoding)
  -- locations_to_items sorts by file and position: find each item's passage again to label it.
  local by_key = {}
  for _, p in ipairs(passages) do
    by_key[vim.uri_to_fname(p.uri) .. ':' .. (p.range.start.line + 1)] = p
  end
  for _, item in ipairs(items) do
    local p = by_key[item.filename .. ':' .. item.lnum]
    if p then
      local tags = ('%.2f'):format(p.score or 0)
      if p.nearDuplicate then tags = tags .. ' near-duplicate' end
      if p.reason and p.reason ~= '' then tags = tags .. ' ' .. p.reason end
      item.text = '[' .. tags .. '] ' .. vim.trim(item.text or '')
    end
  end
  return items
end

-- Asks for the passages related to the cursor; fills the quickfix list (or location list with loclist=true).
function M.related(opts)
  opts = opts or {}
  local client = client_or_warn()
  if not client then return end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  params.limit = opts.limit or 20
  request(client, 'dossier/relatedPassages', params, function(err, result)
    if err then
      vim.notify('dossier: related passages failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    if not result or vim.tbl_isempty(result) then
      vim.notify('dossier: no related passages here', vim.log.levels.INFO)
      return
    end
    local what = { title = 'Dossier related passages', items = M.related_items(result, client.offset_encoding) }
    if opts.loclist then
      vim.fn.setloclist(0, {}, ' ', what)
      if not opts.silent then vim.cmd('lopen') end
    else
      vim.fn.setqflist({}, ' ', what)
      if not opts.silent then vim.cmd('copen') end
    end
  end)
end

-- Lists the workspace's entities matching query (workspace symbols) in the quickfix list.
function M.entity(query, opts)
  opts = opts or {}
  local client = client_or_warn()
  if not client then return end
  if not client.server_capabilities.workspaceSymbolProvider then
    vim.notify('dossier: this server does not list entities yet', vim.log.levels.INFO)
    return
  end
  request(client, 'workspace/symbol', { query = query or '' }, function(err, result)
    if err then
      vim.notify('dossier: entity search failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local items = vim.lsp.util.symbols_to_items(result or {}, 0)
    vim.fn.setqflist({}, ' ', { title = 'Dossier entities: ' .. (query or ''), items = items })
    if not opts.silent then vim.cmd('copen') end
  end)
end

-- Rereads the folder: the server's dossier.reindex command when it has one, else a restart.
function M.reindex()
  local client = dossier().client_for(0)
  local provider = client and client.server_capabilities.executeCommandProvider
  if provider and vim.tbl_contains(provider.commands or {}, 'dossier.reindex') then
    request(client, 'workspace/executeCommand', { command = 'dossier.reindex', arguments = {} }, function() end)
  else
    dossier().restart()
  end
end

function M.create()
  vim.api.nvim_create_user_command('DossierRelated', function(a)
    M.related({ limit = tonumber(a.args), loclist = a.bang })
  end, { nargs = '?', bang = true, desc = 'Dossier: related passages into the quickfix list (! for the location list)' })
  vim.api.nvim_create_user_command('DossierEntity', function(a)
    if a.args ~= '' then return M.entity(a.args) end
    vim.ui.input({ prompt = 'Entity: ' }, function(query)
      if query then M.entity(query) end
    end)
  end, { nargs = '?', desc = 'Dossier: entities matching a name into the quickfix list' })
  vim.api.nvim_create_user_command('DossierReindex', M.reindex, { desc = 'Dossier: reread the workspace' })
end

return M
