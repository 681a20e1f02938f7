/**
 * The office.js stub of the e2e tests: the fake Excel object model, bundled for the browser
 * (webpack entry 'office-stub', built only with --env e2e). The test routes the office.js URL
 * to this script; `window.__fakeOffice.workbook` is the state the test reads and edits.
 */
import { installFakeOffice } from '../fakes/excel-fake';

const params = new URLSearchParams(window.location.search);
installFakeOffice(window, {
  displayLanguage: params.get('officeLang') ?? 'zh-CN',
  sheets: [{ name: 'Sheet1', cells: { A1: '机关内部的草稿，请勿覆盖' } }],
  exposeAs: '__fakeOffice',
});
