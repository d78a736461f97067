// Dossier for VS Code: starts dossier-ls over stdio for plaintext and markdown files, forwards the
// dossier.* settings, restarts the server when its path or log level changes, and registers the
// Dossier commands.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { findServer } from './server_path';
import { DossierStatus } from './status';
import { indexingMiddleware, showReady } from './indexing';

// Settings whose change needs a new server process; the others go over didChangeConfiguration.
const RESTART_SETTINGS = ['dossier.serverPath', 'dossier.logLevel'];

export class DossierClient implements vscode.Disposable {
  client: LanguageClient | undefined;
  readonly output = vscode.window.createOutputChannel('Dossier');
  readonly trace = vscode.window.createOutputChannel('Dossier Trace');
  readonly status = new DossierStatus();
  private subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {}

  async start(): Promise<void> {
    this.status.starting();
    const config = vscode.workspace.getConfiguration('dossier');
    const found = findServer(config.get<string>('serverPath', ''), this.context.extensionPath, process.env.PATH);
    if ('error' in found) {
      this.output.appendLine(found.error);
      this.status.failed(found.error);
      void vscode.window.showErrorMessage(`Dossier: ${found.error}`);
      return;
    }
    this.output.appendLine(`Starting ${found.path} (from ${found.source})`);
    const args = [`--log=${config.get<string>('logLevel', 'info')}`];
    const serverOptions: ServerOptions = {
      run: { command: found.path, args, transport: TransportKind.stdio },
      debug: { command: found.path, args, transport: TransportKind.stdio },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'plaintext' },
        { scheme: 'file', language: 'markdown' },
      ],
      // The server takes the same keys as dossier.json under a "dossier" key.
      initializationOptions: { dossier: editorSettings() },
      synchronize: { configurationSection: 'dossier' },
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      middleware: indexingMiddleware(this.status, (message) => {
        if (this.client) void showReady(this.client, this.status, message);
      }),
    };
    const client = new LanguageClient('dossier', 'Dossier', serverOptions, clientOptions);
    this.client = client;
    this.subscriptions.push(
      client.onDidChangeState((event) => {
        if (event.newState === State.Stopped && this.client === client) this.status.failed('dossier-ls stopped');
      }),
    );
    try {
      await client.start();
    } catch (error) {
      this.status.failed(`dossier-ls failed to start: ${String(error)}`);
      return;
    }
    void showReady(client, this.status);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.subscriptions.forEach((s) => s.dispose());
    this.subscriptions = [];
    if (client && client.isRunning()) await client.stop(5000).catch(() => undefined);
  }

  async restart(): Promise<void> {
    this.output.appendLine('Restarting dossier-ls');
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
    this.status.dispose();
    this.output.dispose();
    this.trace.dispose();
  }
}

// The dossier.* settings as a plain object shaped like dossier.json (dotted keys become nested).
export function editorSettings(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('dossier'))) as Record<string, unknown>;
}

let dossier: DossierClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  dossier = new DossierClient(context);
  context.subscriptions.push(dossier);
  registerCommands(context, dossier);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((key) => event.affectsConfiguration(key))) void dossier?.restart();
    }),
  );
  await dossier.start();
}

export async function deactivate(): Promise<void> {
  await dossier?.stop();
}
