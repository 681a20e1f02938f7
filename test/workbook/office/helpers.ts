import { createFakeOffice, type FakeOfficeHandle, type FakeOfficeOptions } from '../../fakes/excel-fake';
import { OfficeWorkbook } from '../../../src/workbook/office';

/** A fake Excel with an OfficeWorkbook on it. */
export function setup(options: FakeOfficeOptions = {}): { office: FakeOfficeHandle; port: OfficeWorkbook } {
  const office = createFakeOffice(options);
  const port = new OfficeWorkbook({ excel: office.Excel, isSetSupported: office.Office.context.requirements.isSetSupported });
  return { office, port };
}

/** Run one port operation and report how many Excel.run calls and syncs it took. */
export async function counted<T>(office: FakeOfficeHandle, op: () => Promise<T>): Promise<{ result: T; runs: number; syncs: number }> {
  const wb = office.workbook;
  const runs0 = wb.runCount;
  const syncs0 = wb.syncCount;
  const result = await op();
  return { result, runs: wb.runCount - runs0, syncs: wb.syncCount - syncs0 };
}
