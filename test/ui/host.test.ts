import { detectHost, isWpsApplication } from '../../src/taskpane/host';
import { describeError, setDiagnosticsHost } from '../../src/ui/diagnostics';
import { uiStrings } from '../../src/core/messages/ui';
import { localeFromLanguage } from '../../src/core/messages/ui';
import { viewFromSearch } from '../../src/ui/views';

describe('where the pane runs', () => {
  test('no office.js at all (offline or blocked) → outside Excel, offline', async () => {
    expect(await detectHost(undefined)).toEqual({ kind: 'offline' });
  });

  test('office.js loaded in a plain browser (no host) → outside Excel', async () => {
    const office = { onReady: async () => ({ host: null, platform: null }) };
    expect((await detectHost(office)).kind).toBe('browser');
  });

  test('inside Excel → excel, with the display language', async () => {
    const office = { onReady: async () => ({ host: 'Excel', platform: 'PC' }), context: { displayLanguage: 'en-US' } };
    expect(await detectHost(office)).toEqual({ kind: 'excel', displayLanguage: 'en-US' });
  });

  test('another Office host (Word) is not Excel', async () => {
    const office = { onReady: async () => ({ host: 'Word', platform: 'PC' }) };
    expect((await detectHost(office)).kind).toBe('browser');
  });

  test('office.js that never becomes ready does not hang the pane', async () => {
    const office = { onReady: () => new Promise<{ host: string | null; platform: string | null }>(() => undefined) };
    expect((await detectHost(office, 50)).kind).toBe('browser');
  });

  test('English only for an English display language; Chinese otherwise', () => {
    expect(localeFromLanguage('en-US')).toBe('en');
    expect(localeFromLanguage('en-GB')).toBe('en');
    expect(localeFromLanguage('zh-CN')).toBe('zh');
    expect(localeFromLanguage('fr-FR')).toBe('zh');
    expect(localeFromLanguage(undefined)).toBe('zh');
  });

  test('the ribbon buttons open the view named in the URL', () => {
    expect(viewFromSearch('?view=check')).toBe('check');
    expect(viewFromSearch('?view=report&x=1')).toBe('report');
    expect(viewFromSearch('?view=insert')).toBe('insert');
    expect(viewFromSearch('?view=nonsense')).toBe('insert');
    expect(viewFromSearch('')).toBe('insert');
  });

  describe('inside WPS 表格 (window.Application of a WPS add-in page)', () => {
    /** ET's Application as a WPS add-in page sees it: a workbook API and the add-in API */
    const etApplication = (extra: Record<string, unknown> = {}) => ({
      ActiveWorkbook: { Name: '工作簿1' },
      Workbooks: { Count: 1 },
      PluginStorage: { getItem: () => null, setItem: () => undefined },
      CreateTaskPane: () => ({ ID: 1, Visible: false }),
      Name: 'WPS 表格',
      Build: '12.1.0.17147',
      ...extra,
    });

    test('WPS is found before office.js is asked (the WPS build loads none; an office.js that never answers does not delay it)', async () => {
      const never = { onReady: () => new Promise<{ host: string | null; platform: string | null }>(() => undefined) };
      const started = Date.now();
      const host = await detectHost(never, 5000, { application: etApplication() });
      expect(host).toEqual({ kind: 'wps', application: { name: 'WPS 表格', build: '12.1.0.17147' } });
      expect(Date.now() - started).toBeLessThan(1000);
      expect((await detectHost(undefined, 50, { application: etApplication() })).kind).toBe('wps');
    });

    test('the markers: a workbook API plus the add-in API, the page’s wps global or a WPS name', () => {
      expect(isWpsApplication(etApplication())).toBe(true);
      // only the add-in API's PluginStorage
      expect(isWpsApplication({ ActiveWorkbook: null, PluginStorage: {} })).toBe(true);
      // no add-in API seen, but the page has the global wps object
      expect(isWpsApplication({ Workbooks: {} }, {})).toBe(true);
      // no add-in API, no wps global: the name says it
      expect(isWpsApplication({ ActiveWorkbook: null, Name: 'WPS 表格' })).toBe(true);
      expect(isWpsApplication({ ActiveWorkbook: null, Name: 'ET' })).toBe(true);
    });

    test('not WPS: nothing, something else called Application, WPS 文字 (no workbook API), a workbook API without any WPS marker', async () => {
      expect(isWpsApplication(undefined)).toBe(false);
      expect(isWpsApplication(null)).toBe(false);
      expect(isWpsApplication('Application')).toBe(false);
      expect(isWpsApplication({ PluginStorage: {}, ActiveDocument: {} })).toBe(false); // WPS 文字
      expect(isWpsApplication({ ActiveWorkbook: null, Name: 'Microsoft Excel' })).toBe(false);
      // a page where such a global is not WPS still asks office.js
      const office = { onReady: async () => ({ host: 'Excel', platform: 'PC' }), context: { displayLanguage: 'zh-CN' } };
      expect(await detectHost(office, 5000, { application: { Name: 'x' } })).toEqual({ kind: 'excel', displayLanguage: 'zh-CN' });
      expect((await detectHost(undefined, 50, { application: undefined })).kind).toBe('offline');
    });

    test('a property that throws when read (a host object) does not break the check', () => {
      const app = etApplication();
      Object.defineProperty(app, 'Name', { get: () => { throw new Error('COM error'); } });
      expect(isWpsApplication(app)).toBe(true);
      const bare = { ActiveWorkbook: null };
      Object.defineProperty(bare, 'Name', { get: () => { throw new Error('COM error'); } });
      expect(isWpsApplication(bare)).toBe(false);
    });
  });

  test('复制诊断信息 says which host the pane is in, in Chinese', () => {
    const t = uiStrings('zh');
    const said = (kind: 'excel' | 'wps' | 'browser' | 'offline'): unknown => {
      setDiagnosticsHost({ kind, application: kind === 'wps' ? { name: 'WPS 表格', build: '12.1' } : undefined });
      return JSON.parse(describeError(new Error('x'), t).diagnostics) as Record<string, unknown>;
    };
    expect(said('excel')).toMatchObject({ host: '在 Excel 中', hostKind: 'excel' });
    expect(said('wps')).toMatchObject({ host: '在 WPS 表格中', hostKind: 'wps', hostApplication: { name: 'WPS 表格', build: '12.1' } });
    expect(said('browser')).toMatchObject({ host: '在浏览器中', hostKind: 'browser' });
    expect((said('offline') as { host: string }).host).toMatch(/^在浏览器中/);
    // before the bootstrap has said where it runs, no host is claimed
    setDiagnosticsHost(undefined);
    expect(JSON.parse(describeError(new Error('x'), t).diagnostics)).not.toHaveProperty('host');
  });
});

