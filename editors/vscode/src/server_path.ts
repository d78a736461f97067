// Finds the dossier-ls binary: the dossier.serverPath setting, else the copy bundled in the
// extension's bin/ folder, else dossier-ls on PATH. Returns a description of where it looked when
// nothing is found, so the user sees why the server did not start.
import * as fs from 'fs';
import * as path from 'path';

const BINARY = process.platform === 'win32' ? 'dossier-ls.exe' : 'dossier-ls';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function findOnPath(envPath: string | undefined): string | undefined {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, BINARY))) return path.join(dir, BINARY);
  }
  return undefined;
}

export type ServerLocation = { path: string; source: 'setting' | 'bundled' | 'PATH' } | { error: string };

export function findServer(configured: string, extensionDir: string, envPath: string | undefined): ServerLocation {
  if (configured) {
    return isExecutable(configured)
      ? { path: configured, source: 'setting' }
      : { error: `dossier.serverPath is "${configured}", which is not an executable file.` };
  }
  const bundled = path.join(extensionDir, 'bin', BINARY);
  if (isExecutable(bundled)) return { path: bundled, source: 'bundled' };
  const onPath = findOnPath(envPath);
  if (onPath) return { path: onPath, source: 'PATH' };
  return {
    error: `${BINARY} was not found: set dossier.serverPath, or put ${BINARY} on PATH (build it with scripts/build).`,
  };
}
