// The status bar item: indexing progress while the server reads the folder, then the entity count.
import * as vscode from 'vscode';

export class DossierStatus implements vscode.Disposable {
  // True between the server's progress begin and end: a late "ready" must not hide the progress.
  indexingNow = false;
  private readonly item = vscode.window.createStatusBarItem('dossier.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Dossier';
    this.item.command = 'dossier.showOutput';
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.set('$(sync~spin) Dossier', 'Starting dossier-ls');
  }

  indexing(message: string | undefined, percentage: number | undefined): void {
    this.indexingNow = true;
    const percent = percentage === undefined ? '' : ` ${Math.round(percentage)}%`;
    this.set(`$(sync~spin) Dossier${percent}`, message ?? 'Reading the folder');
  }

  ready(entities: number | undefined, message?: string): void {
    this.indexingNow = false;
    const count = entities === undefined ? '' : ` · ${entities} entit${entities === 1 ? 'y' : 'ies'}`;
    this.set(`$(book) Dossier${count}`, message ?? 'dossier-ls is running. Click for the server log.');
  }

  failed(reason: string): void {
    this.indexingNow = false;
    this.set('$(error) Dossier', reason);
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  private set(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
