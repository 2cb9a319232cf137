import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { projectRoot } from '../../src/paths';

/** Debian's Chromium, or the one CHROMIUM_PATH names. `.ci/run` installs it when missing. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). The browser tests drive Debian's chromium: install it with \`apt-get install chromium\` (.ci/run does), or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // --no-sandbox: CI runs as root; the rest keeps Chromium's own background traffic off.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'],
  });
}

/** Every request the pages of `context` make, to check that none leaves `origin`. */
export function recordRequests(context: BrowserContext): { all: string[]; foreign(origin: string): string[] } {
  const all: string[] = [];
  context.on('request', (r: Request) => {
    all.push(r.url());
  });
  return {
    all,
    // data: and blob: never leave the page; everything else must go to the server under test.
    foreign: (origin) => all.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')),
  };
}

/**
 * Saves a screenshot of `page` as `name`.png under every folder of screenshotPaths; the copy for
 * docs/ is reduced to 256 colours with pngquant when it is installed (Debian package pngquant),
 * which makes it about a quarter of the size.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  for (const p of screenshotPaths(name)) {
    await page.screenshot({ path: p });
    if (p.includes(`${path.sep}docs${path.sep}`)) {
      const q = spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-90', '--output', p, '--', p]);
      if (q.error) console.warn(`pngquant not found: ${p} stays uncompressed (apt-get install pngquant)`);
    }
  }
}

/**
 * Where screenshots go: test-output/screenshots always (not committed), and docs/screenshots too
 * when UPDATE_SCREENSHOTS=1 (`npm run screenshots`), which replaces the committed ones.
 */
export function screenshotPaths(name: string): string[] {
  const dirs = [path.join(projectRoot, 'test-output', 'screenshots')];
  if (process.env.UPDATE_SCREENSHOTS === '1') dirs.push(path.join(projectRoot, 'docs', 'screenshots'));
  for (const d of dirs) fs.mkdirSync(d, { recursive: true });
  return dirs.map((d) => path.join(d, `${name}.png`));
}
