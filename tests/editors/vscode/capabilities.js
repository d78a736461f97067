// Asks dossier-ls for its capabilities (initialize, then shutdown) and whether it handles a custom
// request, so the e2e test checks what the server offers and skips the rest with a message.
const { spawn } = require('child_process');

function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

function serverCapabilities(server, rootPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(server, [], { stdio: ['pipe', 'pipe', 'ignore'] });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('dossier-ls did not answer initialize')); }, 15000);
    let buffer = Buffer.alloc(0);
    const answers = {};
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString())[1]);
        if (buffer.length < end + 4 + length) return;
        const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString('utf8'));
        buffer = buffer.slice(end + 4 + length);
        if (message.id !== undefined && message.method === undefined) answers[message.id] = message;
        if (answers[1] && answers[2]) {
          clearTimeout(timer);
          child.stdin.write(frame({ jsonrpc: '2.0', id: 3, method: 'shutdown' }));
          child.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
          const related = answers[2].error ? answers[2].error.code !== -32601 : true;
          resolve({ ...answers[1].result.capabilities, relatedPassages: related });
        }
      }
    });
    child.on('error', reject);
    child.stdin.on('error', () => {}); // the server may exit before reading everything
    const rootUri = 'file://' + rootPath;
    child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize',
      params: { processId: process.pid, rootUri, capabilities: {}, workspaceFolders: [{ uri: rootUri, name: 'ws' }] } }));
    child.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
    child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'dossier/relatedPassages',
      params: { textDocument: { uri: rootUri + '/none.txt' }, position: { line: 0, character: 0 } } }));
  });
}

module.exports = { serverCapabilities };
if (require.main === module) {
  serverCapabilities(process.argv[2], process.argv[3]).then((c) => console.log(JSON.stringify(c, null, 1)), (e) => { console.error(e); process.exit(1); });
}
