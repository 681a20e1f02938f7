/**
 * The WorkbookPort contract on all three ports: ExcelJS (XlsxWorkbook on a new workbook), office.js
 * (OfficeWorkbook on the fake Excel) and WPS (WpsWorkbook on the fake ET object model).
 */
import type ExcelJS from 'exceljs';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { wpsPort } from '../../../src/workbook/wps';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { createFakeOffice } from '../../fakes/excel-fake';
import { createWpsFake } from '../../fakes/wps-fake';
import { portContract, type ContractScalar, type ContractSheet } from './port-contract';

const upper = (c: string | null | undefined): string | null => (c ? c.toUpperCase() : null);

portContract({
  name: 'ExcelJS (XlsxWorkbook)',
  capabilities: { selection: false, changeEvents: false },
  async make(sheets: ContractSheet[]) {
    const port = XlsxWorkbook.create();
    let wb = port.workbook;
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name);
      for (const [address, v] of Object.entries(s.cells ?? {})) {
        ws.getCell(address).value = typeof v === 'string' && v.startsWith('=') ? ({ formula: v.slice(1) } as ExcelJS.CellFormulaValue) : v;
      }
      for (const [address, colour] of Object.entries(s.fills ?? {})) {
        ws.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour.slice(1)}` } };
      }
      for (const m of s.merges ?? []) ws.mergeCells(m);
    }
    const sheet = (name: string): ExcelJS.Worksheet => wb.getWorksheet(name)!;
    const edge = (e: Partial<ExcelJS.Border> | undefined): boolean => !!e?.style;
    let current = port;
    return {
      port,
      // saved as .xlsx and opened again
      async reopen() {
        current = await XlsxWorkbook.open(await current.toBuffer());
        wb = current.workbook;
        return current;
      },
      model: {
        value(s: string, address: string): ContractScalar | null {
          const v = sheet(s).getCell(address).value;
          if (v === null || v === undefined || v === '') return null;
          if (typeof v === 'object' && 'formula' in v) return (v.result as ContractScalar | undefined) ?? `=${v.formula}`;
          return v as ContractScalar;
        },
        fill(s: string, address: string): string | null {
          const f = sheet(s).getCell(address).fill;
          return f?.type === 'pattern' && f.pattern === 'solid' && f.fgColor?.argb ? `#${f.fgColor.argb.slice(2).toUpperCase()}` : null;
        },
        borders(s: string, address: string) {
          const b = sheet(s).getCell(address).border ?? {};
          return { top: edge(b.top), bottom: edge(b.bottom), left: edge(b.left), right: edge(b.right) };
        },
        merges: (s: string): string[] => [...(sheet(s).model.merges ?? [])],
      },
    };
  },
});

portContract({
  name: 'office.js (OfficeWorkbook on the fake Excel)',
  capabilities: { selection: true, changeEvents: true },
  async make(sheets: ContractSheet[]) {
    const office = createFakeOffice({ sheets: sheets.map((s) => ({ name: s.name, cells: s.cells })) });
    const wb = office.workbook;
    for (const s of sheets) for (const [address, colour] of Object.entries(s.fills ?? {})) wb.setFill(s.name, address, colour);
    await office.Excel.run(async (context) => {
      for (const s of sheets) for (const m of s.merges ?? []) context.workbook.worksheets.getItem(s.name).getRange(m).merge(false);
      await context.sync();
    });
    const newPort = (): OfficeWorkbook => new OfficeWorkbook({ excel: office.Excel, isSetSupported: office.Office.context.requirements.isSetSupported });
    return {
      port: newPort(),
      reopen: async () => newPort(),
      model: {
        value(s: string, address: string): ContractScalar | null {
          const v = wb.getValue(s, address);
          return v === '' ? null : v;
        },
        fill: (s: string, address: string): string | null => upper(wb.getFill(s, address)),
        borders(s: string, address: string) {
          const b = wb.getCell(s, address).borders;
          return { top: !!b.top, bottom: !!b.bottom, left: !!b.left, right: !!b.right };
        },
        merges: (s: string): string[] => wb.merges(s),
        selection: () => wb.selection(),
        userEdit: (s: string, address: string, v: ContractScalar) => wb.setValue(s, address, v),
      },
    };
  },
});

portContract({
  name: 'WPS (WpsWorkbook on the fake ET)',
  capabilities: { selection: true, changeEvents: true },
  async make(sheets: ContractSheet[]) {
    const { app, handle } = createWpsFake({ sheets });
    for (const s of sheets) for (const m of s.merges ?? []) app.ActiveWorkbook!.Worksheets.Item(s.name).Range(m).Merge();
    return {
      port: wpsPort(app),
      reopen: async () => wpsPort(app),
      model: {
        value: (s: string, address: string) => handle.getValue(s, address),
        fill: (s: string, address: string) => upper(handle.getFill(s, address)),
        borders: (s: string, address: string) => handle.getCell(s, address).borders,
        merges: (s: string) => handle.merges(s),
        selection: () => handle.selection(),
        userEdit: (s: string, address: string, v: ContractScalar) => handle.userEdit(s, address, v),
      },
    };
  },
});
