// End-to-end test of editors/vscode in the real VS Code workbench (code-server), driven by
// playwright-core in Debian's chromium. Env: CODE_URL, WS (workspace copy), OUT (screenshots),
// DOSSIER_LS, DOSSIER_FILE and DOSSIER_NAME (a person named in that file and in others), TOOLS
// (node_modules holding playwright-core). Features the server does not advertise are skipped with a
// message. Every step saves a screenshot; exits 1 when a step fails.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require(path.join(process.env.TOOLS, 'playwright-core'));
const { serverCapabilities } = require('./capabilities');

const { CODE_URL, WS, OUT, DOSSIER_LS, DOSSIER_FILE, DOSSIER_NAME } = process.env;
const results = { passed: 0, failed: 0, skipped: 0 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function step(page, name, body) {
  const started = Date.now();
  try {
    const skipped = await body();
    if (typeof skipped === 'string') {
      results.skipped++;
      console.log(`skip    ${name}: ${skipped}`);
    } else {
      results.passed++;
      console.log(`ok      ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } catch (error) {
    results.failed++;
    console.log(`FAILED  ${name}: ${error.message.split('\n')[0]}`);
  }
  await page.screenshot({ path: path.join(OUT, name.replace(/\W+/g, '-') + '.png') }).catch(() => {});
}

// Retries body until it returns truthy or the deadline passes (the first tries may precede the
// extension's activation and the server's start).
async function eventually(seconds, body) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await body().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s`);
    await sleep(500);
  }
}

// Screen box of the first occurrence of text among the editor's rendered lines.
async function boxOf(page, text) {
  return page.evaluate((needle) => {
    const lines = document.querySelector('.monaco-editor .view-lines');
    const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, text);
}

// Quick Open first lists recent files (the open one), then the matches for what was typed: Enter
// is pressed only once the row for `name` is shown, else it reopens the current file. The gesture
// is retried in case a keystroke is lost while a widget holds focus.
async function openFile(page, name) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(name, { timeout: 10000 });
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await row.waitFor({ timeout: 10000 });
      await row.click();
      await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 10000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function clickName(page) {
  const box = await eventually(20, () => boxOf(page, DOSSIER_NAME));
  await page.mouse.click(box.x, box.y);
  return box;
}

function otherFiles() {
  return fs.readdirSync(WS).filter((f) => f !== DOSSIER_FILE && /\.(txt|md)$/.test(f));
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const caps = await serverCapabilities(DOSSIER_LS, WS);
  const report = JSON.parse(execFileSync(DOSSIER_LS, ['check', WS, '--format=json']).toString());
  const flags = report.flags.length;
  const ctx = await chromium.launchPersistentContext(fs.mkdtempSync('/tmp/chromium-'), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = ctx.pages()[0] || (await ctx.newPage());
  try {
    await step(page, 'workbench opens the workspace', async () => {
      await page.goto(`${CODE_URL}/?folder=${encodeURIComponent(WS)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 60000 });
    });
    await step(page, 'extension starts the server (status bar)', async () => {
      await openFile(page, DOSSIER_FILE);
      await page.locator('.statusbar-item', { hasText: /Dossier/ }).first().waitFor({ timeout: 30000 });
      // The server read the folder when the spinner is gone.
      await eventually(30, async () => !(await page.locator('.statusbar-item .codicon-sync.codicon-modifier-spin').count()));
    });
    await step(page, 'Problems panel lists Dossier diagnostics', async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel-container, .markers-panel');
      await panel.first().waitFor({ timeout: 10000 });
      if (flags === 0) return 'dossier-ls check reports no flags for the sample files yet';
      await eventually(30, async () => (await page.locator('.markers-panel .monaco-list-row', { hasText: 'dossier' }).count()) > 0);
    });
    await step(page, 'hover over a person shows a card', async () => {
      if (!caps.hoverProvider) return 'server does not advertise hoverProvider';
      await page.keyboard.press('Escape');
      const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible');
      await eventually(60, async () => {
        const box = await boxOf(page, DOSSIER_NAME);
        if (!box) return false;
        await page.mouse.move(box.x, box.y);
        const shown = await hover.first().waitFor({ timeout: 3000 }).then(() => true, () => false);
        const text = shown ? await hover.first().innerText() : '';
        if (!text.trim()) await page.mouse.move(5, 5);
        return text.trim().length > 0 && !/Loading/.test(text);
      });
    });
    await step(page, 'Find All References lists other files', async () => {
      if (!caps.referencesProvider) return 'server does not advertise referencesProvider';
      await page.mouse.move(5, 5);
      await clickName(page);
      await page.keyboard.press('Shift+F12'); // Peek References
      const peek = page.locator('.peekview-widget, .reference-zone-widget').first();
      await peek.waitFor({ timeout: 20000 });
      const others = otherFiles();
      await eventually(20, async () => {
        const text = await peek.innerText();
        return others.some((f) => text.includes(f));
      });
    });
    await step(page, 'Peek Implementations shows a passage of another file', async () => {
      if (!caps.implementationProvider) return 'server does not advertise implementationProvider';
      await page.keyboard.press('Escape');
      await clickName(page);
      await page.keyboard.press('Control+Shift+F12'); // Peek Implementations
      const peek = page.locator('.peekview-widget, .reference-zone-widget').first();
      await peek.waitFor({ timeout: 20000 });
      const others = otherFiles();
      await eventually(20, async () => {
        const text = await peek.innerText();
        return others.some((f) => text.includes(f));
      });
    });
    await step(page, 'quick fix removes a debris line', async () => {
      if (!caps.codeActionProvider) return 'server does not advertise codeActionProvider';
      const debris = report.flags.find((f) => f.code.startsWith('debris'));
      if (!debris) return 'dossier-ls check reports no debris in the sample files yet';
      await page.keyboard.press('Escape');
      await openFile(page, path.basename(debris.path));
      const text = debris.text.split('\n')[0].trim().slice(0, 30);
      const box = await eventually(20, () => boxOf(page, text));
      const action = page.locator('.action-widget .monaco-list-row, .context-view .action-item')
        .filter({ hasText: /remove|delete/i }).first();
      // The menu lists only the actions known when it opens: on a loaded machine the file's
      // diagnostics (and so its quick fixes) may not have arrived yet, so ask again a few times.
      for (let attempt = 1; ; ++attempt) {
        await page.mouse.click(box.x, box.y);
        await page.keyboard.press('Control+.');
        try {
          await action.waitFor({ timeout: 15000 });
          break;
        } catch (error) {
          if (attempt === 3) throw error;
          await page.keyboard.press('Escape');
        }
      }
      await action.click();
      await eventually(15, async () => !(await boxOf(page, text)));
    });
    await step(page, 'Dossier commands are in the command palette', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget input').fill('>Dossier:');
      const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dossier:' });
      await eventually(10, async () => (await rows.count()) >= 5);
    });
  } finally {
    await ctx.close().catch(() => {});
  }
  console.log(`vscode: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
  process.exit(results.failed ? 1 : 0);
}

main().catch((error) => {
  console.log(`FAILED  vscode e2e: ${error.stack}`);
  process.exit(1);
});
