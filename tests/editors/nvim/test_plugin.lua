-- Headless Neovim test of editors/nvim, loaded as a user would: runtimepath + setup().
-- Env: DOSSIER_LS (server), DOSSIER_WS (a temp workspace with sample files), DOSSIER_PLUGIN (editors/nvim),
-- DOSSIER_FILE / DOSSIER_NAME (the file to open and a person's name in it, mentioned in other files too).
-- Features the server does not advertise are skipped with a message, so the test gets stricter as
-- the server grows. Any Lua error or failed check exits 1 (cquit), never hangs: every wait is bounded.
local env = vim.env
local results = { passed = 0, failed = 0, skipped = 0 }
local function say(line) io.stderr:write(line .. '\n') end
local function pass(name) results.passed = results.passed + 1; say('ok      ' .. name) end
local function skip(name, why) results.skipped = results.skipped + 1; say('skip    ' .. name .. ': ' .. why) end
local function check(cond, name, detail)
  if cond then return pass(name) end
  results.failed = results.failed + 1
  say('FAILED  ' .. name .. (detail and (': ' .. detail) or ''))
end

local notifications = {}
vim.notify = function(msg, level) table.insert(notifications, { msg = msg, level = level }) end

local function request(client, method, params)
  local done, err, result = false, nil, nil
  require('dossier.commands').request(client, method, params, function(e, r) done, err, result = true, e, r end)
  if not vim.wait(10000, function() return done end, 20) then return nil, 'timeout' end
  return result, err
end

-- Puts the cursor on the first occurrence of word in the current buffer.
local function cursor_on(word)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local col = line:find(word, 1, true)
    if col then
      vim.api.nvim_win_set_cursor(0, { lnum, col })
      return true
    end
  end
  return false
end

local function run()
  vim.opt.runtimepath:prepend(env.DOSSIER_PLUGIN)
  vim.cmd('filetype on') -- -u NONE does not enable filetype detection; a user's config does
  local dossier = require('dossier')
  dossier.setup({ server_path = env.DOSSIER_LS, keymaps = true })
  vim.cmd('edit ' .. vim.fn.fnameescape(env.DOSSIER_WS .. '/' .. env.DOSSIER_FILE))
  local file = vim.api.nvim_buf_get_name(0)
  check(vim.bo.filetype == 'text', 'sample opens as a text buffer', vim.bo.filetype)

  local client = dossier.client_for(0)
  check(client ~= nil, 'a client starts for the workspace root')
  if not client then return end
  check(client.config.root_dir == vim.fn.resolve(env.DOSSIER_WS) or client.config.root_dir == env.DOSSIER_WS,
    'the root is the folder holding dossier.json', client.config.root_dir)
  check(vim.wait(10000, function() return client.initialized end, 20), 'client initializes')
  check(vim.fn.maparg('<leader>dr', 'n') ~= '', 'keymaps are set when asked for')
  local caps = client.server_capabilities

  -- A second file of the same root reuses the client.
  local other = vim.fn.glob(env.DOSSIER_WS .. '/*.txt', false, true)
  for _, f in ipairs(other) do
    if f ~= file then
      vim.cmd('edit ' .. vim.fn.fnameescape(f))
      check(dossier.client_for(0) and dossier.client_for(0).id == client.id, 'one client per root')
      vim.cmd('buffer ' .. vim.fn.bufnr(file))
      break
    end
  end

  -- Diagnostics: as many as `dossier-ls check` reports for this file (the server pushes them).
  local report = vim.fn.json_decode(vim.fn.system({ env.DOSSIER_LS, 'check', env.DOSSIER_WS, '--format=json' }))
  local expected = 0
  for _, flag in ipairs(report.flags) do
    if vim.fn.fnamemodify(flag.path, ':t') == env.DOSSIER_FILE then expected = expected + 1 end
  end
  local bufnr = vim.api.nvim_get_current_buf()
  vim.wait(5000, function() return #vim.diagnostic.get(bufnr) >= expected and expected > 0 end, 50)
  local got = vim.diagnostic.get(bufnr)
  check(#got == expected, ('diagnostics match dossier-ls check (%d)'):format(expected), 'got ' .. #got)

  check(cursor_on(env.DOSSIER_NAME), 'the person is named in the file')
  local position = vim.lsp.util.make_position_params(0, client.offset_encoding)
  if caps.hoverProvider then
    local hover, err = request(client, 'textDocument/hover', position)
    local text = hover and table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n') or ''
    check(text ~= '', 'hover on a person shows a card', vim.inspect(err))
  else
    skip('hover', 'server does not advertise hoverProvider')
  end
  if caps.referencesProvider then
    local params = vim.deepcopy(position)
    params.context = { includeDeclaration = true }
    local refs, err = request(client, 'textDocument/references', params)
    local elsewhere = 0
    for _, loc in ipairs(refs or {}) do
      if vim.uri_to_fname(loc.uri) ~= file then elsewhere = elsewhere + 1 end
    end
    check(elsewhere > 0, 'references include other files', vim.inspect(err) .. ' ' .. #(refs or {}))
  else
    skip('references', 'server does not advertise referencesProvider')
  end

  local related, rerr = request(client, 'dossier/relatedPassages', vim.tbl_extend('force', position, { limit = 5 }))
  if rerr and rerr.code == -32601 then
    skip('related passages', 'server does not handle dossier/relatedPassages')
  else
    check(rerr == nil and type(related) == 'table', 'dossier/relatedPassages answers a list', vim.inspect(rerr))
    if related and #related > 0 then
      vim.fn.setqflist({}, 'r')
      vim.cmd('DossierRelated 5')
      check(vim.wait(10000, function() return #vim.fn.getqflist() > 0 end, 20), ':DossierRelated fills the quickfix list')
      local first = vim.fn.getqflist()[1]
      check(first and first.text:match('^%[%d'), 'quickfix entries carry the score', first and first.text)
    else
      skip(':DossierRelated', 'no related passages for this position yet')
    end
  end

  if caps.workspaceSymbolProvider then
    vim.fn.setqflist({}, 'r')
    vim.cmd('DossierEntity ' .. env.DOSSIER_NAME:match('%S+$'))
    check(vim.wait(10000, function() return #vim.fn.getqflist() > 0 end, 20), ':DossierEntity lists the entity')
  else
    skip(':DossierEntity', 'server does not advertise workspaceSymbolProvider')
  end

  vim.cmd('checkhealth dossier')
  local health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  check(health:find('serves', 1, true) ~= nil, ':checkhealth dossier lists the running client', health)
  vim.cmd('bwipeout!')
  vim.cmd('cclose')
  vim.cmd('buffer ' .. bufnr)

  -- :DossierReindex restarts (or reindexes) and the buffer gets a working client again.
  vim.cmd('DossierReindex')
  check(vim.wait(10000, function()
    local c = dossier.client_for(0)
    return c ~= nil and c.initialized
  end, 50) and #dossier.exits == 0, ':DossierReindex leaves a running client, with no crash reported',
    vim.inspect({ buf = vim.api.nvim_buf_get_name(0), ft = vim.bo.filetype, clients = dossier.clients, exits = dossier.exits }))

  -- A crash is reported, not hung on.
  local live = dossier.client_for(0)
  local pid = live and live.rpc and live.rpc.pid
  if not pid and live then -- 0.7.2 does not expose it: the server is this nvim's only child process
    local children = vim.fn.systemlist({ 'pgrep', '-P', tostring(vim.fn.getpid()) })
    if #children == 1 then pid = tonumber(children[1]) end
  end
  if pid then
    vim.loop.kill(pid, 'sigkill')
    local reported = vim.wait(10000, function() return #dossier.exits > 0 end, 20)
    vim.wait(200)
    local said = false
    for _, n in ipairs(notifications) do
      if n.msg:find('exited', 1, true) and n.level == vim.log.levels.ERROR then said = true end
    end
    check(reported and said, 'a killed server is reported to the user')
  else
    skip('crash of a running server', 'this Neovim does not expose the server pid')
  end

  -- A server that dies at start is reported too.
  local broken = vim.fn.tempname()
  vim.fn.mkdir(broken, 'p')
  vim.fn.writefile({ '{}' }, broken .. '/dossier.json')
  vim.fn.writefile({ 'A note.' }, broken .. '/note.txt')
  local exits_before = #dossier.exits
  dossier.setup({ cmd = { 'sh', '-c', 'exit 3' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(broken .. '/note.txt'))
  check(vim.wait(10000, function() return #dossier.exits > exits_before end, 20), 'a server exiting at start is reported')
end

local ok, err = pcall(run)
if not ok then
  results.failed = results.failed + 1
  say('FAILED  Lua error: ' .. tostring(err))
end
pcall(require('dossier').stop_all)
say(('nvim: %d passed, %d failed, %d skipped'):format(results.passed, results.failed, results.skipped))
if results.failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
