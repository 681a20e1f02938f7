/**
 * E2E plumbing: build the pane with webpack (production) into a temp dir, serve it on 127.0.0.1
 * with a tiny static server, and launch Debian's Chromium with playwright-core.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

interface WebpackStats {
  hasErrors(): boolean;
  toString(opts: unknown): string;
}
interface WebpackCompiler {
  run(cb: (err: Error | null, stats?: WebpackStats) => void): void;
  close(cb: (err?: Error | null) => void): void;
}

/** Run webpack.config.js in production mode with `env` (--env …); rejects with webpack's errors. */
export function runWebpack(env: Record<string, unknown>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as (config: unknown) => WebpackCompiler;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: unknown) => unknown;
  const config = makeConfig(env, { mode: 'production' });
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
      resolve();
    });
  });
}

/** Build the production pane (plus the e2e office.js stub when asked; self-hosted office.js when asked) into `outDir`. */
export function buildPane(outDir: string, options: { e2e?: boolean; selfHosted?: boolean } = {}): Promise<void> {
  return runWebpack({ outDir, e2e: options.e2e, selfHosted: options.selfHosted });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serve a directory on 127.0.0.1 (random port). */
export function serve(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.normalize(path.join(dir, urlPath === '/' ? 'taskpane.html' : urlPath));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Is this request allowed to leave the machine? Only office.js may. */
export function isLocalOrOfficeJs(url: string): boolean {
  if (url === OFFICE_JS) return true;
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost';
  } catch {
    return false;
  }
}

/** The newest production build of the pane's files, to tell whether a build is fresh. */
export function newestSource(): number {
  let newest = 0;
  const walk = (p: string): void => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'test/e2e', 'test/fakes', 'webpack.config.js']) {
    const full = path.join(ROOT, p);
    if (fs.existsSync(full)) walk(full);
  }
  return newest;
}
