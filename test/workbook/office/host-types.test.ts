import type { ExcelHost, HostContext } from '../../../src/workbook/office/host';

/**
 * Type-level check: the real office.js `Excel` namespace satisfies the subset the port is
 * written against. If @types/office-js changes a signature the port uses, this file stops compiling.
 */
type Assignable<T, U> = [T] extends [U] ? true : false;
const excelFits: Assignable<typeof Excel, ExcelHost> = true;
const contextFits: Assignable<Excel.RequestContext, HostContext> = true;

test('the real Excel API satisfies the port host types', () => {
  expect([excelFits, contextFits]).toEqual([true, true]);
});
