-- Headless Neovim (0.7 or later) as a MirrorLint user sets it up with the built-in LSP client, the
-- README's snippet: start the server, open an MM2 file, then diagnostics, hover and a code action.
-- Run by neovim.sh: nvim --headless -u NONE -c "luafile neovim.lua" FILE (0.7 has no -l).
-- Env: MIRRORLINT_SERVER (the server command's script), MIRRORLINT_RESULT (a file for the results).
local server = os.getenv('MIRRORLINT_SERVER')
local result_file = os.getenv('MIRRORLINT_RESULT')
local buf = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buf)

local results = {}
local function finish(ok, message)
  results.ok = ok
  results.message = message
  local out = io.open(result_file, 'w')
  out:write(vim.fn.json_encode(results))
  out:close()
  vim.cmd(ok and 'qall!' or 'cquit!')
end

-- From the README: Neovim 0.7's start_client / buf_attach_client (0.8+ may use vim.lsp.start).
local client_id = vim.lsp.start_client({
  name = 'mirrorlint',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  settings = { mirrorlint = { rules = {} } },
})
if not client_id then return finish(false, 'the server did not start') end
vim.lsp.buf_attach_client(buf, client_id)

local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
if not got then return finish(false, 'no diagnostics within 20 s') end
results.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(results.diagnostics, { line = d.lnum, col = d.col, code = d.code, message = d.message, source = d.source })
end

-- Hover on the first line that sets a property the server documents.
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local hover_line
for i, line in ipairs(lines) do
  if line:match('^clusters') then hover_line = i - 1 break end
end
local uri = vim.uri_from_bufnr(buf)
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = hover_line or 0, character = 2 } }, 10000)
for _, response in pairs(hover or {}) do
  if response.result and response.result.contents then results.hover = response.result.contents.value or response.result.contents end
end

-- The code actions at the first diagnostic that has a fix.
results.actions = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  -- As vim.lsp.buf.code_action() sends it (0.7 keeps the code but not the range in user_data).
  local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } }
  local lsp_diagnostic = { range = range, message = d.message, code = d.code, source = d.source, severity = d.severity }
  local params = { textDocument = { uri = uri }, range = lsp_diagnostic.range, context = { diagnostics = { lsp_diagnostic } } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do table.insert(results.actions, action.title) end
  end
  if #results.actions > 0 then break end
end

vim.lsp.stop_client(client_id)
finish(true, 'done')
