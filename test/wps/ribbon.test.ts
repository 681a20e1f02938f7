/**
 * The WPS add-in as built (`--env wps`): ribbon.xml is well-formed and every callback it names is
 * a function of the entry page's script (run in a vm with a stub WPS Application); the buttons
 * open one task pane on their views; the pane loads no office.js and nothing remote; publish.xml
 * (offline) and jsplugins.xml / publish.html (online) are well-formed and name the same add-in.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { JSDOM } from 'jsdom';
import { viewFromSearch } from '../../src/ui/views';
import { ADDIN, ADDIN_DIR, WEBPACK_CONFIG, WPS_BUILD_DIR, WPS_TEST_URL, ensureWpsBuild } from '../e2e/wps-build';

jest.setTimeout(600_000);

const PKG = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };

/** well-formed per xmllint (exit 0), then parsed */
function readXml(file: string): Document {
  execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
  const doc = new (new JSDOM('').window.DOMParser)().parseFromString(fs.readFileSync(file, 'utf8'), 'application/xml');
  expect(doc.getElementsByTagName('parsererror').length).toBe(0);
  return doc;
}

const CALLBACK_ATTRIBUTES = ['onLoad', 'onAction', 'getImage', 'getLabel', 'getEnabled', 'getVisible', 'getScreentip', 'getSupertip', 'getSize', 'getPressed', 'getDescription', 'getKeytip', 'getShowLabel', 'getShowImage', 'loadImage'];

interface StubPane {
  ID: number;
  Visible: boolean;
  url: string;
  navigations: string[];
  Navigate(url: string): void;
}

/** The WPS add-in API the entry page uses, recorded (PluginStorage, CreateTaskPane, GetTaskPane). */
function stubApplication() {
  const storage = new Map<string, unknown>();
  const panes: StubPane[] = [];
  const created: { url: string; title?: string }[] = [];
  let getFails = false;
  return {
    panes,
    created,
    failGetTaskPane: () => {
      getFails = true;
    },
    app: {
      ActiveWorkbook: null,
      ribbonUI: undefined as unknown,
      PluginStorage: { getItem: (k: string) => (storage.has(k) ? storage.get(k) : null), setItem: (k: string, v: unknown) => void storage.set(k, v) },
      CreateTaskPane(url: string, title?: string): StubPane {
        created.push({ url, title });
        const pane: StubPane = {
          ID: 100 + panes.length,
          Visible: false,
          url,
          navigations: [],
          Navigate(u: string) {
            this.navigations.push(u);
            this.url = u;
          },
        };
        panes.push(pane);
        return pane;
      },
      GetTaskPane(id: number): StubPane | undefined {
        if (getFails) throw new Error('the pane was closed');
        return panes.find((p) => p.ID === id);
      },
    },
  };
}

/** The entry page's scripts (index.html's <script src>), run in a vm whose global is the page's window. */
function loadEntryPage(href: string) {
  const html = fs.readFileSync(path.join(ADDIN_DIR, 'index.html'), 'utf8');
  const doc = new JSDOM(html).window.document;
  const sources = [...doc.querySelectorAll('script')].map((s) => s.getAttribute('src'));
  expect(sources.length).toBeGreaterThan(0);
  const stub = stubApplication();
  const alerts: string[] = [];
  const sandbox: Record<string, unknown> = {
    Application: stub.app,
    document: { location: { href, toString: () => href } },
    alert: (m: string) => void alerts.push(m),
    console,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  for (const src of sources) {
    expect(src).not.toBeNull();
    expect(src).not.toMatch(/^(https?:)?\/\//); // no remote script
    vm.runInContext(fs.readFileSync(path.join(ADDIN_DIR, src!), 'utf8'), context, { filename: src! });
  }
  return { sandbox, stub, alerts };
}

/** the ribbon's callbacks as the page defines them */
type Callback = (arg?: unknown) => unknown;

beforeAll(async () => {
  await ensureWpsBuild();
});

describe('ribbon.xml and the entry page', () => {
  test('ribbon.xml is well-formed CustomUI, starts as wpsjs’s install page checks it, and has the tab with the three buttons', () => {
    const file = path.join(ADDIN_DIR, 'ribbon.xml');
    const text = fs.readFileSync(file, 'utf8');
    // wpsjs's publish.html takes an online add-in's ribbon.xml as valid when it starts with '<customUI'
    expect(text.startsWith('<customUI')).toBe(true);
    const doc = readXml(file);
    expect(doc.documentElement.localName).toBe('customUI');
    expect(doc.documentElement.namespaceURI).toBe('http://schemas.microsoft.com/office/2006/01/customui');
    const tab = doc.getElementsByTagName('tab')[0];
    expect(tab.getAttribute('label')).toBe('政务公开年报');
    const buttons = [...doc.getElementsByTagName('button')];
    expect(buttons.map((b) => b.getAttribute('label'))).toEqual(['插入表格', '一键校验', '生成报告']);
    const ids = buttons.map((b) => b.getAttribute('id'));
    expect(new Set(ids).size).toBe(3);
  });

  test('every callback ribbon.xml names is a function of the entry page’s script', () => {
    const doc = readXml(path.join(ADDIN_DIR, 'ribbon.xml'));
    const named = new Set<string>();
    for (const el of [...doc.getElementsByTagName('*')])
      for (const attr of [...el.attributes]) if (CALLBACK_ATTRIBUTES.includes(attr.name) || /^(on|get)[A-Z]/.test(attr.name)) named.add(attr.value);
    // at least the three the toolkit's template names
    expect([...named].sort()).toEqual(expect.arrayContaining(['GetImage', 'OnAction', 'OnAddinLoad']));
    const { sandbox } = loadEntryPage(`file:///C:/Users/user/AppData/Roaming/kingsoft/wps/jsaddons/${ADDIN.dir}/index.html`);
    const missing = [...named].filter((name) => typeof sandbox[name] !== 'function');
    expect(missing).toEqual([]);
  });

  test('OnAddinLoad keeps the ribbon; each button has an icon in the add-in and opens the one pane on its view', () => {
    // a user name in Chinese: WPS is given the decoded path, as wpsjs's template does
    const base = `file:///C:/Users/${encodeURIComponent('张三')}/AppData/Roaming/kingsoft/wps/jsaddons/${ADDIN.dir}`;
    const { sandbox, stub, alerts } = loadEntryPage(`${base}/index.html`);
    const call = (name: string, arg?: unknown): unknown => (sandbox[name] as Callback)(arg);
    const ribbonUI = { Invalidate: () => undefined };
    expect(call('OnAddinLoad', ribbonUI)).toBe(true);
    expect(stub.app.ribbonUI).toBe(ribbonUI);

    const doc = readXml(path.join(ADDIN_DIR, 'ribbon.xml'));
    const buttons = [...doc.getElementsByTagName('button')].map((b) => ({ id: b.getAttribute('id')!, label: b.getAttribute('label')! }));
    const wantView: Record<string, string> = { 插入表格: 'insert', 一键校验: 'check', 生成报告: 'report' };
    const decodedBase = decodeURI(base);
    for (const b of buttons) {
      const image = call('GetImage', { Id: b.id }) as string;
      expect(fs.existsSync(path.join(ADDIN_DIR, image))).toBe(true);
    }

    // first click: the pane is created on its view, with its title, and shown
    const [insert, check, report] = buttons;
    expect(call('OnAction', { Id: insert.id })).toBe(true);
    expect(stub.created).toEqual([{ url: `${decodedBase}/taskpane.html?view=insert`, title: '政务公开年报助手' }]);
    const pane = stub.panes[0];
    expect(pane.Visible).toBe(true);
    expect(fs.existsSync(path.join(ADDIN_DIR, 'taskpane.html'))).toBe(true);
    expect(viewFromSearch(pane.url.slice(pane.url.indexOf('?')))).toBe(wantView[insert.label]);

    // the other buttons reuse it: navigated to their view, shown
    call('OnAction', { Id: check.id });
    expect(stub.created.length).toBe(1);
    expect(viewFromSearch(pane.url.slice(pane.url.indexOf('?')))).toBe(wantView[check.label]);
    pane.Visible = false; // the user closed it
    call('OnAction', { Id: report.id });
    expect(stub.created.length).toBe(1);
    expect(pane.Visible).toBe(true);
    expect(pane.navigations.map((u) => viewFromSearch(u.slice(u.indexOf('?'))))).toEqual(['check', 'report']);

    // closed and asked again for the view it shows: shown again as it was, not reloaded
    pane.Visible = false;
    call('OnAction', { Id: report.id });
    expect(pane.Visible).toBe(true);
    expect(pane.navigations.length).toBe(2);
    // open and asked for its view again: reloaded on that view (its tabs may show another one)
    call('OnAction', { Id: report.id });
    expect(pane.navigations.length).toBe(3);

    // WPS no longer has the pane: a new one
    stub.failGetTaskPane();
    call('OnAction', { Id: insert.id });
    expect(stub.created.length).toBe(2);
    expect(stub.panes[1].Visible).toBe(true);

    // an unknown control does nothing
    expect(call('OnAction', { Id: 'somethingElse' })).toBe(false);
    expect(stub.created.length).toBe(2);
    expect(alerts).toEqual([]);
  });

  test('the pane in the add-in loads no office.js and no remote script; every script it names is in the folder', () => {
    const html = fs.readFileSync(path.join(ADDIN_DIR, 'taskpane.html'), 'utf8');
    expect(html).not.toMatch(/office\.js|appsforoffice/);
    const doc = new JSDOM(html).window.document;
    const scripts = [...doc.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      expect(fs.existsSync(path.join(ADDIN_DIR, src))).toBe(true);
    }
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toMatch(/script-src 'self' file:;/);
    expect(csp).not.toMatch(/https?:/);
    // the test stub is not part of the add-in
    const all = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [e.name]));
    expect(all(ADDIN_DIR).filter((f) => /stub/.test(f))).toEqual([]);
    expect(fs.readdirSync(path.join(WPS_BUILD_DIR, 'e2e-stub')).some((f) => /^wps-stub\./.test(f))).toBe(true);
  });
});

describe('the deployment files', () => {
  test('publish.xml (offline): well-formed, names this add-in as type et, its url the add-in folder next to it', () => {
    const doc = readXml(path.join(WPS_BUILD_DIR, 'publish.xml'));
    expect(doc.documentElement.localName).toBe('jsplugins');
    const plugins = [...doc.getElementsByTagName('jsplugin')];
    expect(plugins.length).toBe(1);
    const p = plugins[0];
    expect(p.getAttribute('name')).toBe(PKG.name);
    expect(p.getAttribute('version')).toBe(PKG.version);
    expect(p.getAttribute('type')).toBe('et');
    // wpsjs: the folder is named name_version and copied into jsaddons with publish.xml
    expect(p.getAttribute('url')).toBe(`${PKG.name}_${PKG.version}`);
    expect(fs.statSync(path.join(WPS_BUILD_DIR, p.getAttribute('url')!)).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(WPS_BUILD_DIR, p.getAttribute('url')!, 'ribbon.xml'))).toBe(true);
    expect(fs.existsSync(path.join(WPS_BUILD_DIR, p.getAttribute('url')!, 'index.html'))).toBe(true);
  });

  test('jsplugins.xml and publish.html (online): the same add-in, at the address given to the build (with its closing /)', () => {
    const doc = readXml(path.join(WPS_BUILD_DIR, 'online', 'jsplugins.xml'));
    expect(doc.documentElement.localName).toBe('jsplugins');
    const online = [...doc.getElementsByTagName('jspluginonline')];
    expect(online.length).toBe(1);
    expect(online[0].getAttribute('name')).toBe(PKG.name);
    expect(online[0].getAttribute('type')).toBe('et');
    expect(online[0].getAttribute('url')).toBe(`${WPS_TEST_URL}/`);

    // wpsjs's install page with the list put in, as `wpsjs publish` writes it
    const html = fs.readFileSync(path.join(WPS_BUILD_DIR, 'online', 'publish.html'), 'utf8');
    expect(html).not.toMatch(/PUBLISH_REPLACE_STRING|SERVERID_REPLEASE_STRING/);
    const list = /var curList = (\[.*?\]);/.exec(html)?.[1];
    expect(JSON.parse(list!)).toEqual([{ name: PKG.name, addonType: 'et', online: 'true', multiUser: 'false', url: `${WPS_TEST_URL}/` }]);
  });

  test('without an address the online files name the placeholder the README explains; a non-http address is refused', () => {
    const files = WEBPACK_CONFIG.wpsDeploymentFiles(WEBPACK_CONFIG.wpsServerUrl(undefined));
    expect(files['online/jsplugins.xml']).toContain(`url="${WEBPACK_CONFIG.WPS_URL_PLACEHOLDER}"`);
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(WEBPACK_CONFIG.WPS_URL_PLACEHOLDER);
    expect(() => WEBPACK_CONFIG.wpsServerUrl('ftp://example.gov.cn/x/')).toThrow(/http/);
    expect(() => WEBPACK_CONFIG.wpsServerUrl('javascript:alert(1)')).toThrow(/http/);
    // an address with XML's special characters stays one attribute
    const odd = WEBPACK_CONFIG.wpsDeploymentFiles('https://example.gov.cn/a?x=1&y=2/');
    expect(odd['online/jsplugins.xml']).toContain('url="https://example.gov.cn/a?x=1&amp;y=2/"');
  });
});
