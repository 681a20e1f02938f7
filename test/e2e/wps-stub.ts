/**
 * The fake WPS of the e2e tests: the fake ET object model as `window.Application`, bundled for the
 * browser (webpack entry 'wps-stub', built only with --env wps --env e2e, into e2e-stub/,
 * outside the add-in's folder). The test runs it before the pane's scripts (an init script), as
 * WPS provides `window.Application` to an add-in's pages; `window.__fakeWps` is the state the
 * test reads and edits (userEdit: a user typing, which fires SheetChange).
 */
import { installFakeWps } from '../fakes/wps-fake';

installFakeWps(window, {
  sheets: [{ name: 'Sheet1', cells: { A1: '机关内部的草稿，请勿覆盖' } }],
  activeSheet: 'Sheet1',
  exposeAs: '__fakeWps',
});

