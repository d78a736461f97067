// Shows the server's indexing progress ($/progress on its work-done token) in the status bar, and
// once the folder is read, the number of entities (workspace symbols) when the server offers them.
import { LanguageClient, Middleware, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageclient/node';
import { DossierStatus } from './status';

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export function indexingMiddleware(status: DossierStatus, onIndexed: (message?: string) => void): Middleware {
  return {
    handleWorkDoneProgress(token, params, next) {
      const value = params as ProgressValue;
      if (value.kind === 'end') {
        status.indexingNow = false;
        onIndexed(value.message);
      } else {
        status.indexing(value.message, value.percentage);
      }
      next(token, params);
    },
  };
}

export async function countEntities(client: LanguageClient): Promise<number | undefined> {
  if (!client.initializeResult?.capabilities.workspaceSymbolProvider) return undefined;
  const symbols = await client.sendRequest<unknown[] | null>('workspace/symbol', { query: '' });
  return symbols?.length ?? 0;
}

// Shows "ready" with the entity count; called after start (progress, if any, overrides it) and at
// the end of indexing.
export async function showReady(client: LanguageClient, status: DossierStatus, message?: string): Promise<void> {
  if (status.indexingNow) return;
  const entities = await countEntities(client).catch(() => undefined);
  if (client.isRunning() && !status.indexingNow) status.ready(entities, message);
}
