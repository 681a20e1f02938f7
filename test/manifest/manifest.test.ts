/**
 * @jest-environment jsdom
 *
 * The add-in manifest: valid against Microsoft's XML schemas (xmllint, offline), plus what the
 * schemas cannot express — every resid resolves to a resource of the right kind, string lengths,
 * https everywhere, no localhost in production, icons that exist with the stated pixel sizes.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
// Microsoft's published schemas, kept with the tests (see test/fixtures/office-manifest-xsd/README.md)
const XSD = path.join('test', 'fixtures', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');
const DEV_MANIFEST = path.join(ROOT, 'manifest.xml');
const BUILD = path.join(ROOT, 'scripts', 'build-manifest.js');
const PROD_BASE = 'https://nianbao.example.gov.cn/addin';

interface BuildModule {
  buildManifest(xml: string, baseUrl: string | undefined): string;
  checkBaseUrl(value: string | undefined): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builder = require(BUILD) as BuildModule;

const OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';

let tmp: string;
let prodPath: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  prodPath = path.join(tmp, 'manifest.xml');
  execFileSync(process.execPath, [BUILD, '--base-url', PROD_BASE, '--out', prodPath], { cwd: ROOT });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function xmllint(file: string): { status: number | null; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function parse(file: string): Document {
  const doc = new DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const all = (doc: Document | Element, ns: string, tag: string): Element[] => Array.from(doc.getElementsByTagNameNS(ns, tag));

/** PNG width and height from the IHDR chunk */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe.each([
  ['development manifest.xml', () => DEV_MANIFEST, 'https://localhost:3000'],
  ['generated production manifest', () => prodPath, PROD_BASE],
])('%s', (_name, file, base) => {
  test('validates against the OfficeApp 1.1 schema', () => {
    const r = xmllint(file());
    expect(r.output).toContain('validates');
    expect(r.status).toBe(0);
  });

  test('is a task pane add-in for Excel: zh-CN with en-US, ReadWriteDocument, ExcelApi 1.8', () => {
    const doc = parse(file());
    const root = doc.documentElement;
    expect(root.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('TaskPaneApp');
    expect(all(doc, APP, 'DefaultLocale')[0].textContent).toBe('zh-CN');
    expect(all(doc, APP, 'Permissions')[0].textContent).toBe('ReadWriteDocument');
    expect(all(doc, APP, 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const sets = all(doc, APP, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(sets).toEqual([['ExcelApi', '1.8']]);
    for (const tag of ['DisplayName', 'Description']) {
      const el = all(doc, APP, tag)[0];
      expect(el.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      const en = all(el, APP, 'Override').find((o) => o.getAttribute('Locale') === 'en-US');
      expect(en?.getAttribute('Value')).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  test('three buttons on the Home tab open the task pane on their views', () => {
    const doc = parse(file());
    const tab = all(doc, OV, 'OfficeTab')[0];
    expect(tab.getAttribute('id')).toBe('TabHome');
    const strings = new Map(all(doc, BT, 'String').map((s) => [s.getAttribute('id'), s.getAttribute('DefaultValue')]));
    const urls = new Map(all(doc, BT, 'Url').map((u) => [u.getAttribute('id'), u.getAttribute('DefaultValue')]));
    const buttons = all(tab, OV, 'Control').map((c) => {
      const action = all(c, OV, 'Action')[0];
      return {
        label: strings.get(all(c, OV, 'Label')[0].getAttribute('resid')),
        action: action.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type'),
        pane: all(action, OV, 'TaskpaneId')[0].textContent,
        url: urls.get(all(action, OV, 'SourceLocation')[0].getAttribute('resid')),
      };
    });
    expect(buttons).toEqual([
      { label: '插入表格', action: 'ShowTaskpane', pane: 'Nianbao.Taskpane', url: `${base}/taskpane.html?view=insert` },
      { label: '一键校验', action: 'ShowTaskpane', pane: 'Nianbao.Taskpane', url: `${base}/taskpane.html?view=check` },
      { label: '生成报告', action: 'ShowTaskpane', pane: 'Nianbao.Taskpane', url: `${base}/taskpane.html?view=report` },
    ]);
  });

  test('every resid resolves to a resource of the right kind, and every resource is used', () => {
    const doc = parse(file());
    const kinds: Record<string, Set<string>> = {
      Image: new Set(all(doc, BT, 'Image').filter((e) => e.hasAttribute('id')).map((e) => e.getAttribute('id') as string)),
      Url: new Set(all(doc, BT, 'Url').map((e) => e.getAttribute('id') as string)),
      Short: new Set(all(all(doc, BT, 'ShortStrings')[0], BT, 'String').map((e) => e.getAttribute('id') as string)),
      Long: new Set(all(all(doc, BT, 'LongStrings')[0], BT, 'String').map((e) => e.getAttribute('id') as string)),
    };
    const ids = Object.values(kinds).flatMap((s) => [...s]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);

    const expected: Record<string, string> = {
      Image: 'Image',
      SourceLocation: 'Url',
      LearnMoreUrl: 'Url',
      FunctionFile: 'Url',
      Label: 'Short',
      Title: 'Short',
      Description: 'Long',
    };
    const used = new Set<string>();
    const refs = Array.from(doc.getElementsByTagName('*')).filter((e) => e.hasAttribute('resid'));
    expect(refs.length).toBeGreaterThan(10);
    for (const el of refs) {
      const resid = el.getAttribute('resid') as string;
      const kind = expected[el.localName];
      expect([el.localName, kind && kinds[kind].has(resid)]).toEqual([el.localName, true]);
      used.add(resid);
    }
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  test('strings fit their limits and every string has an en-US override', () => {
    const doc = parse(file());
    const check = (el: Element, max: number) => {
      const values = [el.getAttribute('DefaultValue') ?? '', ...Array.from(el.children).map((o) => o.getAttribute('Value') ?? '')];
      for (const v of values) {
        expect(v.length).toBeGreaterThan(0);
        expect([v, v.length <= max]).toEqual([v, true]);
      }
      const locales = Array.from(el.children).map((o) => o.getAttribute('Locale'));
      expect([el.getAttribute('id') ?? el.localName, locales]).toEqual([el.getAttribute('id') ?? el.localName, ['en-US']]);
    };
    check(all(doc, APP, 'DisplayName')[0], 125);
    check(all(doc, APP, 'Description')[0], 250);
    for (const s of all(all(doc, BT, 'ShortStrings')[0], BT, 'String')) check(s, 125);
    for (const s of all(all(doc, BT, 'LongStrings')[0], BT, 'String')) check(s, 250);
    // ribbon labels are short in practice (the ribbon truncates long ones)
    for (const id of ['Insert.Label', 'Check.Label', 'Report.Label']) {
      const s = all(doc, BT, 'String').find((e) => e.getAttribute('id') === id) as Element;
      expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(8);
    }
  });

  test('every URL is https, under the base URL, ≤ 2048 characters; icons exist with the right pixel sizes', () => {
    const doc = parse(file());
    const urlEls = [
      ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].flatMap((t) => all(doc, APP, t)),
      ...all(doc, BT, 'Url'),
      ...all(doc, BT, 'Image').filter((e) => e.hasAttribute('id')),
    ].filter((e) => e.hasAttribute('DefaultValue'));
    expect(urlEls.length).toBeGreaterThan(15);
    for (const el of urlEls) {
      const url = el.getAttribute('DefaultValue') as string;
      expect(url.startsWith(`${base}/`)).toBe(true);
      expect(new URL(url).protocol).toBe('https:');
      expect(url.length).toBeLessThanOrEqual(2048);
    }

    const fileOf = (url: string) => path.join(ROOT, new URL(url).pathname.slice(new URL(`${base}/`).pathname.length));
    const sizeOfResource = new Map<string, number>();
    for (const img of all(doc, BT, 'Image').filter((e) => e.hasAttribute('size'))) {
      const size = Number(img.getAttribute('size'));
      const prev = sizeOfResource.get(img.getAttribute('resid') as string);
      if (prev !== undefined) expect(prev).toBe(size);
      sizeOfResource.set(img.getAttribute('resid') as string, size);
    }
    const checked: string[] = [];
    for (const img of all(doc, BT, 'Image').filter((e) => e.hasAttribute('id'))) {
      const size = sizeOfResource.get(img.getAttribute('id') as string) as number;
      const png = fileOf(img.getAttribute('DefaultValue') as string);
      expect(fs.existsSync(png)).toBe(true);
      expect(pngSize(png)).toEqual({ width: size, height: size });
      checked.push(png);
    }
    expect(new Set(checked).size).toBe(12); // group + three buttons × 16/32/80, all different files
    expect(pngSize(fileOf(all(doc, APP, 'IconUrl')[0].getAttribute('DefaultValue') as string))).toEqual({ width: 32, height: 32 });
    expect(pngSize(fileOf(all(doc, APP, 'HighResolutionIconUrl')[0].getAttribute('DefaultValue') as string))).toEqual({ width: 64, height: 64 });
  });
});

describe('the icons are distinct pictures', () => {
  test('no two icons of one size have the same bytes', () => {
    for (const size of [16, 32, 80]) {
      const files = ['icon', 'insert', 'check', 'report'].map((n) => fs.readFileSync(path.join(ROOT, 'assets', `${n}-${size}.png`)).toString('base64'));
      expect(new Set(files).size).toBe(4);
    }
  });
});

describe('scripts/build-manifest.js', () => {
  test('the production manifest has no localhost and keeps the rest of the development manifest', () => {
    const prod = fs.readFileSync(prodPath, 'utf8');
    expect(prod).not.toMatch(/localhost/i);
    expect(prod.split(PROD_BASE).join('https://localhost:3000')).toBe(fs.readFileSync(DEV_MANIFEST, 'utf8'));
  });

  test('reads the base URL from ADDIN_BASE_URL; a trailing slash is dropped', () => {
    const out = path.join(tmp, 'env.xml');
    execFileSync(process.execPath, [BUILD, '--out', out], { cwd: ROOT, env: { ...process.env, ADDIN_BASE_URL: 'https://addin.example.cn/' } });
    const xml = fs.readFileSync(out, 'utf8');
    expect(xml).toContain('"https://addin.example.cn/taskpane.html?view=check"');
    expect(xml).not.toContain('example.cn//');
  });

  test.each([
    ['http://addin.example.cn', 'https://'],
    ['https://localhost:3000', '本机'],
    ['https://127.0.0.1', '本机'],
    ['https://[::1]:8443', '本机'],
    ['https://dev.localhost', '本机'],
    ['https://addin.example.cn/?x=1', '查询参数'],
    ['not a url', '不是有效的网址'],
    ['', '缺少发布地址'],
  ])('refuses %p and writes nothing', (url, reason) => {
    const out = path.join(tmp, `refused-${Math.random().toString(36).slice(2)}.xml`);
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.ADDIN_BASE_URL;
    const args = url === '' ? [BUILD, '--out', out] : [BUILD, '--base-url', url, '--out', out];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(reason);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('checkBaseUrl keeps a path and drops the trailing slash', () => {
    expect(builder.checkBaseUrl('https://Example.gov.cn/a/b/')).toBe('https://example.gov.cn/a/b');
  });
});
