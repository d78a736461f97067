// Copies dossier-ls into bin/ so the .vsix carries a server (DOSSIER_LS, else the release build).
const fs = require('fs');
const path = require('path');
const repo = path.resolve(__dirname, '..', '..', '..');
const source = process.env.DOSSIER_LS || path.join(repo, 'build', 'release', 'server', 'dossier-ls');
const target = path.join(__dirname, '..', 'bin', 'dossier-ls');
if (!fs.existsSync(source)) {
  console.warn(`bundle-server: ${source} not found; the extension will use dossier.serverPath or PATH`);
  fs.rmSync(target, { force: true });
  process.exit(0);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
fs.chmodSync(target, 0o755);
console.log(`bundle-server: bundled ${source}`);
