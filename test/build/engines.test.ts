/**
 * Engines that agree: every installed package accepts the Node versions package.json names
 * (so `npm install` prints no EBADENGINE warning on them), read from package-lock.json.
 */
import * as fs from 'fs';
import * as path from 'path';

/** npm's own range logic (in the tree through many packages; it ships no types) */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
  major(version: string): number;
};

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

function refusing(version: string): string[] {
  return Object.entries(lock.packages)
    .filter(([name, p]) => name !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
    .filter(([, p]) => !semver.satisfies(version, (p.engines as { node: string }).node))
    .map(([name, p]) => `${name}@${p.version} wants node ${(p.engines as { node: string }).node}`);
}

it('the oldest Node that package.json accepts is accepted by every package', () => {
  const oldest = semver.minVersion(pkg.engines.node)!.version;
  expect(semver.major(oldest)).toBe(20);
  expect(refusing(oldest)).toEqual([]);
});

it('the Node running the tests is accepted by every package', () => {
  expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  expect(refusing(process.version)).toEqual([]);
});

it("docx's nanoid is a 5.x (6.x wants Node 22; the check would catch it)", () => {
  const nanoid = lock.packages['node_modules/nanoid'] ?? lock.packages['node_modules/docx/node_modules/nanoid'];
  expect(nanoid?.version).toMatch(/^5\./);
  expect(semver.satisfies('20.19.0', '^22 || ^24 || >=26')).toBe(false);
});
