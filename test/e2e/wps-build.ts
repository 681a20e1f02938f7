/**
 * The WPS build (`--env wps`) for the tests: built once into a temp dir with the fake WPS stub
 * (`--env e2e`: e2e-stub/wps-stub.js, outside the add-in folder) and a test server address,
 * reused while it is newer than every file it is made from.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, runWebpack } from './harness';

export const WPS_BUILD_DIR = path.join(os.tmpdir(), 'nianbao-e2e-wps');
/** the online add-in's address the test build is given (no trailing '/': the build adds it) */
export const WPS_TEST_URL = 'https://intranet.example.gov.cn/addins/nianbao';

export interface WpsAddinInfo {
  name: string;
  version: string;
  type: string;
  dir: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const WEBPACK_CONFIG = require(path.join(ROOT, 'webpack.config.js')) as ((env: unknown, argv: unknown) => unknown) & {
  WPS_ADDIN: WpsAddinInfo;
  WPS_URL_PLACEHOLDER: string;
  wpsDeploymentFiles(serverUrl: string): Record<string, string>;
  wpsServerUrl(value: string | undefined): string;
};

export const ADDIN: WpsAddinInfo = WEBPACK_CONFIG.WPS_ADDIN;
/** the add-in's folder in the build */
export const ADDIN_DIR = path.join(WPS_BUILD_DIR, ADDIN.dir);

function build(outDir: string): Promise<void> {
  // two configurations: the add-in, and the stub
  return runWebpack({ outDir, wps: true, e2e: true, wpsUrl: WPS_TEST_URL });
}

/** The newest file the WPS build is made from: the sources, the config, the package's name and version, the stub and the fake. */
function newestInput(): number {
  let newest = 0;
  const walk = (p: string): void => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'assets', 'webpack.config.js', 'package.json', 'test/e2e/wps-stub.ts', 'test/fakes']) walk(path.join(ROOT, p));
  return newest;
}

/** Build the WPS add-in (with the e2e stub) unless a build newer than every input is there. */
export async function ensureWpsBuild(): Promise<void> {
  const stamp = path.join(WPS_BUILD_DIR, '.built');
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > newestInput()) return;
  await build(WPS_BUILD_DIR);
  fs.writeFileSync(stamp, new Date().toISOString());
}
