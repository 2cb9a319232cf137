import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';

/** Where scripts/build-web.js writes the browser bundles. */
export const webDistDir = path.join(projectRoot, 'dist-web');

/** The built browser bundles, as dist-web/manifest.json lists them. */
export interface WebAssets {
  /** The folder served at /assets. */
  readonly dir: string;
  /** Bundle name -> hashed file name, e.g. "explorer.js" -> "explorer-ABCD1234.js"; empty when not built. */
  readonly files: Readonly<Record<string, string>>;
  /** Why the pages cannot be served (null when they can). */
  readonly problem: string | null;
  /** Modification time of the manifest read (0 when there was none). */
  readonly manifestMtimeMs: number;
}

/** The assets as they are now: re-read when `npm run web:build` replaced the manifest meanwhile. */
export function refreshWebAssets(current: WebAssets): WebAssets {
  let mtime = 0;
  try {
    mtime = fs.statSync(path.join(current.dir, 'manifest.json')).mtimeMs;
  } catch {
    // no manifest (yet)
  }
  return mtime === current.manifestMtimeMs ? current : loadWebAssets(current.dir);
}

/** Reads the manifest once at start; a missing build is reported, not thrown (the API still serves). */
export function loadWebAssets(dir: string = webDistDir): WebAssets {
  let manifestMtimeMs = 0;
  try {
    manifestMtimeMs = fs.statSync(path.join(dir, 'manifest.json')).mtimeMs;
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files?: Record<string, string> };
    const files = manifest.files ?? {};
    const missing = ['playground.js', 'playground.css', 'explorer.js', 'explorer.css', 'contribute.js', 'contribute.css'].filter((f) => !files[f] || !fs.existsSync(path.join(dir, files[f] as string)));
    return { dir, files, problem: missing.length > 0 ? `the web bundles lack ${missing.join(', ')}; run \`npm run web:build\`` : null, manifestMtimeMs };
  } catch {
    return { dir, files: {}, problem: 'the web pages are not built; run `npm run web:build` (npm start and npm test build them)', manifestMtimeMs };
  }
}
