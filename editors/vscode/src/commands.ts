// The Dossier commands: related passages and entities as quick picks, reindex, restart, config file.
import * as path from 'path';
import * as vscode from 'vscode';
import type { DossierClient } from './extension';

// What dossier/relatedPassages answers for each passage.
interface RelatedPassage {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  score: number;
  reason?: string;
  nearDuplicate?: boolean;
}

interface SymbolResult {
  name: string;
  kind: number;
  containerName?: string;
  location: { uri: string; range?: RelatedPassage['range'] };
}

type LocationPick = vscode.QuickPickItem & { uri: vscode.Uri; range?: vscode.Range };

const asRange = (r: RelatedPassage['range']) =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

async function open(pick: LocationPick | undefined): Promise<void> {
  if (!pick) return;
  const editor = await vscode.window.showTextDocument(pick.uri, { preview: true });
  if (pick.range) {
    editor.selection = new vscode.Selection(pick.range.start, pick.range.end);
    editor.revealRange(pick.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

async function preview(uri: vscode.Uri, range: vscode.Range): Promise<string> {
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText(range).replace(/\s+/g, ' ').trim();
    return text.length > 160 ? text.slice(0, 157) + '...' : text;
  } catch {
    return '';
  }
}

function runningClient(dossier: DossierClient) {
  const client = dossier.client;
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('Dossier: the server is not running (Dossier: Restart Server).');
    return undefined;
  }
  return client;
}

async function showRelatedPassages(dossier: DossierClient): Promise<void> {
  const client = runningClient(dossier);
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return;
  const params = {
    textDocument: { uri: editor.document.uri.toString() },
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
    limit: 20,
  };
  let passages: RelatedPassage[] | null;
  try {
    passages = await client.sendRequest<RelatedPassage[] | null>('dossier/relatedPassages', params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Dossier: related passages failed: ${String(error)}`);
    return;
  }
  if (!passages || passages.length === 0) {
    void vscode.window.showInformationMessage('Dossier: no related passages here.');
    return;
  }
  const picks: LocationPick[] = await Promise.all(
    passages.map(async (p) => {
      const uri = vscode.Uri.parse(p.uri);
      const range = asRange(p.range);
      return {
        label: `${path.basename(uri.fsPath)}:${range.start.line + 1}`,
        description: `${p.score.toFixed(2)}${p.nearDuplicate ? ' · near duplicate' : ''}${p.reason ? ' · ' + p.reason : ''}`,
        detail: await preview(uri, range),
        uri,
        range,
      };
    }),
  );
  await open(await vscode.window.showQuickPick(picks, { title: 'Related passages', matchOnDetail: true }));
}

async function showEntity(dossier: DossierClient): Promise<void> {
  const client = runningClient(dossier);
  if (!client) return;
  if (!client.initializeResult?.capabilities.workspaceSymbolProvider) {
    void vscode.window.showInformationMessage('Dossier: this server does not list entities yet.');
    return;
  }
  const quickPick = vscode.window.createQuickPick<LocationPick>();
  quickPick.title = 'Dossier entities';
  quickPick.placeholder = 'Type a name';
  quickPick.matchOnDescription = true;
  const search = async (query: string) => {
    quickPick.busy = true;
    const symbols = (await client.sendRequest<SymbolResult[] | null>('workspace/symbol', { query }).catch(() => null)) ?? [];
    quickPick.items = symbols.map((s) => {
      const uri = vscode.Uri.parse(s.location.uri);
      const range = s.location.range ? asRange(s.location.range) : undefined;
      return { label: s.name, description: s.containerName ?? path.basename(uri.fsPath), uri, range };
    });
    quickPick.busy = false;
  };
  quickPick.onDidChangeValue((value) => void search(value));
  quickPick.onDidAccept(() => {
    void open(quickPick.selectedItems[0]);
    quickPick.hide();
  });
  quickPick.onDidHide(() => quickPick.dispose());
  quickPick.show();
  await search('');
}

async function reindex(dossier: DossierClient): Promise<void> {
  const client = dossier.client;
  const commands = client?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (client && client.isRunning() && commands.includes('dossier.reindex')) {
    await client.sendRequest('workspace/executeCommand', { command: 'dossier.reindex', arguments: [] });
  } else {
    // A server without the command rereads the whole folder when it starts.
    await dossier.restart();
  }
}

async function openConfig(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Dossier: open a folder first; dossier.json lives at its root.');
    return;
  }
  const uri = vscode.Uri.joinPath(folder.uri, 'dossier.json');
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    const template = '{\n  "include": ["**/*.txt", "**/*.md"],\n  "exclude": [],\n  "diagnostics": { "disable": [], "severity": {} }\n}\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(template, 'utf8'));
  }
  await vscode.window.showTextDocument(uri);
}

export function registerCommands(context: vscode.ExtensionContext, dossier: DossierClient): void {
  const register = (id: string, run: () => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register('dossier.showRelatedPassages', () => showRelatedPassages(dossier));
  register('dossier.showEntity', () => showEntity(dossier));
  register('dossier.reindexWorkspace', () => reindex(dossier));
  register('dossier.restartServer', () => dossier.restart());
  register('dossier.openConfig', openConfig);
  register('dossier.showOutput', () => dossier.output.show(true));
}
