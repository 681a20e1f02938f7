import { detectHost } from '../../src/taskpane/host';
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
});
