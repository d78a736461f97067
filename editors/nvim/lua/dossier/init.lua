-- Dossier for Neovim: starts dossier-ls for text and markdown buffers, one client per workspace root
-- (the nearest folder holding dossier.json, else a configured root, else the current directory),
-- and adds :DossierRelated, :DossierEntity and :DossierReindex. Works on 0.7.2 (start_client +
-- buf_attach_client) and on 0.8+ (vim.lsp.start).
local M = {}

local defaults = {
  cmd = nil, -- default: { server_path, '--log=' .. log_level }
  server_path = 'dossier-ls',
  log_level = 'info',
  filetypes = { 'text', 'markdown' },
  root_markers = { 'dossier.json' },
  roots = {}, -- folders that are workspace roots even without dossier.json
  fallback_to_cwd = true, -- files under the current directory use it as root
  settings = {}, -- same keys as dossier.json: include, exclude, diagnostics, entities, lexicon
  keymaps = false, -- true for the defaults below, or a table { related = '...', entity = '...' }
  on_attach = nil,
}
local default_keymaps = { related = '<leader>dr', entity = '<leader>de' }

M.config = nil
M.clients = {} -- root -> client id
M.exits = {} -- { root, code, signal } per server that stopped on its own
M.stopped_ids = {} -- clients stopped on purpose

local function notify(msg, level)
  vim.schedule(function() vim.notify('dossier: ' .. msg, level or vim.log.levels.INFO) end)
end

local function is_dir(path)
  local stat = vim.loop.fs_stat(path)
  return stat ~= nil and stat.type == 'directory'
end

local function exists(path) return vim.loop.fs_stat(path) ~= nil end

local function under(path, root)
  root = root:gsub('/+$', '')
  return path == root or path:sub(1, #root + 1) == root .. '/'
end

-- The workspace root of a file, or nil when the file belongs to none.
function M.root_for(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  while dir and dir ~= '' do
    for _, marker in ipairs(M.config.root_markers) do
      if exists(dir .. '/' .. marker) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then break end
    dir = parent
  end
  local path = vim.fn.fnamemodify(file, ':p')
  for _, root in ipairs(M.config.roots) do
    local full = vim.fn.fnamemodify(root, ':p'):gsub('/+$', '')
    if under(path, full) then return full end
  end
  local cwd = vim.loop.cwd()
  if M.config.fallback_to_cwd and under(path, cwd) then return cwd end
  return nil
end

local function live_client(root)
  local id = M.clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if client and not client.is_stopped(client) then return client end
  return nil
end

local function set_keymaps(bufnr)
  local maps = M.config.keymaps
  if not maps then return end
  if maps == true then maps = default_keymaps end
  if maps.related then vim.keymap.set('n', maps.related, '<cmd>DossierRelated<cr>', { buffer = bufnr, desc = 'Dossier related passages' }) end
  if maps.entity then vim.keymap.set('n', maps.entity, '<cmd>DossierEntity<cr>', { buffer = bufnr, desc = 'Dossier entity' }) end
end

local function client_config(root)
  local c = M.config
  return {
    name = 'dossier',
    cmd = c.cmd or { c.server_path, '--log=' .. c.log_level },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    init_options = { dossier = c.settings },
    settings = { dossier = c.settings },
    on_attach = function(client, bufnr)
      set_keymaps(bufnr)
      if c.on_attach then c.on_attach(client, bufnr) end
    end,
    on_exit = function(code, signal, client_id)
      if M.stopped_ids[client_id] then return end -- stopped by us (restart, quit), not a crash
      if code ~= 0 or signal ~= 0 then
        table.insert(M.exits, { root = root, code = code, signal = signal })
        notify(('dossier-ls for %s exited (code %d, signal %d); :DossierReindex restarts it'):format(root, code, signal),
          vim.log.levels.ERROR)
      end
    end,
  }
end

-- Attaches a buffer to its root's client, starting the client when needed.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' or vim.bo[bufnr].buftype ~= '' then return nil end
  local root = M.root_for(file)
  if not root then return nil end
  local client = live_client(root)
  if client then
    vim.lsp.buf_attach_client(bufnr, client.id)
    return client.id
  end
  local id
  if vim.lsp.start then
    id = vim.lsp.start(client_config(root), { bufnr = bufnr })
  else
    id = vim.lsp.start_client(client_config(root))
    if id then vim.lsp.buf_attach_client(bufnr, id) end
  end
  if not id then
    notify('could not start ' .. M.config.server_path, vim.log.levels.ERROR)
    return nil
  end
  M.clients[root] = id
  return id
end

-- The running Dossier client of a buffer.
function M.client_for(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr or 0)
  local root = file ~= '' and M.root_for(file)
  return root and live_client(root) or nil
end

function M.stop_all()
  for root, id in pairs(M.clients) do
    M.stopped_ids[id] = true
    vim.lsp.stop_client(id, true)
    M.clients[root] = nil
  end
end

-- Restarts every client and reattaches the buffers it served.
function M.restart()
  M.stop_all()
  local ft = {}
  for _, f in ipairs(M.config.filetypes) do ft[f] = true end
  vim.defer_fn(function()
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and ft[vim.bo[buf].filetype] then M.attach(buf) end
    end
  end, 100)
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', {}, defaults, opts or {})
  local group = vim.api.nvim_create_augroup('dossier', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  vim.api.nvim_create_autocmd('VimLeavePre', { group = group, callback = M.stop_all })
  require('dossier.commands').create()
  -- Buffers already open when setup runs (a plugin manager loading late).
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
