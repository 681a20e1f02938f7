import { createWpsFake, installFakeWps, WpsFakeError } from './wps-fake';

function setup() {
  const fake = createWpsFake({
    sheets: [
      { name: '表一', cells: { A1: '名称', B1: 3, C1: 4, D1: '=SUM(B1:C1)', E1: '=D1-B1+10' } },
      { name: 'Other' },
    ],
  });
  const wb = fake.app.ActiveWorkbook!;
  return { ...fake, wb, ws: wb.Worksheets.Item('表一') };
}

describe('WPS fake: what ET refuses', () => {
  test('Worksheets.Item is 1-based: 0 and past Count throw, 1 and Count work', () => {
    const { wb } = setup();
    expect(() => wb.Worksheets.Item(0)).toThrow(WpsFakeError);
    expect(() => wb.Worksheets.Item(3)).toThrow(/out of range/);
    expect(wb.Worksheets.Item(1).Name).toBe('表一');
    expect(wb.Worksheets.Item(2).Name).toBe('Other');
  });

  test('a sheet or a defined name that does not exist throws', () => {
    const { wb, ws } = setup();
    expect(() => wb.Worksheets.Item('缺少')).toThrow(/no sheet/);
    expect(wb.Worksheets.Item('other').Name).toBe('Other'); // names are found in any case
    expect(() => wb.Names.Item('nothing')).toThrow(/no name/);
    expect(() => ws.Names.Item('nothing')).toThrow(/no name/);
  });

  test('Value2 with a 2-D array of another shape, or a 1-D array on several cells, throws and writes nothing', () => {
    const { ws, handle } = setup();
    expect(() => {
      ws.Range('A3:B4').Value2 = [[1, 2, 3], [4, 5, 6]];
    }).toThrow(/does not fit/);
    expect(() => {
      ws.Range('A3:B4').Value2 = [[1, 2]];
    }).toThrow(/does not fit/);
    expect(() => {
      ws.Range('A3:C3').Value2 = [1, 2, 3];
    }).toThrow(/1-D array/);
    expect(handle.cells('表一')).toEqual({ A1: '名称', B1: 3, C1: 4, D1: 7, E1: 14 });
    ws.Range('A3:B4').Value2 = [
      [1, 'x'],
      ['2', "'3"],
    ];
    expect(handle.cells('表一')).toMatchObject({ A3: 1, B3: 'x', A4: 2, B4: '3' });
  });

  test('Select on a sheet that is not active throws; after Activate it selects', () => {
    const { wb, handle } = setup();
    const other = wb.Worksheets.Item('Other');
    expect(() => other.Range('B2').Select()).toThrow(/not the active sheet/);
    other.Activate();
    other.Range('B2').Select();
    expect(handle.selection()).toEqual({ sheet: 'Other', address: 'B2' });
  });

  test.each(['', 'A0', '1A', 'A1:', 'XFE1', 'A1048577', 'B2;C3', 'ABCD1'])('Range(%p) throws', (address) => {
    const { ws } = setup();
    expect(() => ws.Range(address)).toThrow(/invalid address/);
  });

  test('sheet names with [ ] : * ? / \\, over 31 characters, empty or taken (any case) throw', () => {
    const { wb } = setup();
    const added = wb.Worksheets.Add(null, wb.Worksheets.Item(2));
    for (const bad of ['a/b', 'a\\b', 'a?b', 'a*b', 'a:b', '[a]', 'x'.repeat(32), '', '  ', 'other', '表一']) {
      expect(() => {
        added.Name = bad;
      }).toThrow(WpsFakeError);
    }
    added.Name = 'y'.repeat(31);
    expect(wb.Worksheets.Item(3).Name).toBe('y'.repeat(31));
  });

  test('values and Clear on part of a merged area throw; on the whole area, or its top-left cell, they work', () => {
    const { ws, handle } = setup();
    ws.Range('B3:C3').Merge();
    expect(() => {
      ws.Range('A3:B3').Value2 = [[1, 2]];
    }).toThrow(/part of the merged cell B3:C3/);
    expect(() => ws.Range('C2:C3').Clear()).toThrow(/part of the merged cell/);
    ws.Range('B3').Value2 = 'x';
    expect(handle.getValue('表一', 'B3')).toBe('x');
    ws.Range('A3:D3').Value2 = [[1, 2, '', 4]];
    expect(handle.cells('表一')).toMatchObject({ A3: 1, B3: 2, D3: 4 });
    ws.Range('B3:C3').UnMerge();
    ws.Range('C2:C3').Clear();
    expect(handle.merges('表一')).toEqual([]);
  });

  test('locked cells of a protected sheet refuse values; Validation.Add over validation throws', () => {
    const { ws } = setup();
    ws.Range('B2').Locked = false;
    ws.Protect('', true, true);
    expect(() => {
      ws.Range('A2').Value2 = 1;
    }).toThrow(/protected/);
    ws.Range('B2').Value2 = 5;
    ws.Unprotect();
    ws.Range('B2').Validation.Add(1, 1, 7, 0);
    expect(() => ws.Range('B2:B3').Validation.Add(1, 1, 7, 0)).toThrow(/already has validation/);
  });
});

describe('WPS fake: values, formulas, fills and events', () => {
  test('formulas typed in cells are stored and evaluated (SUM, + and -), and follow their inputs', () => {
    const { ws, handle } = setup();
    expect(ws.Range('D1').Value2).toBe(7);
    expect(ws.Range('D1').Formula).toBe('=SUM(B1:C1)');
    expect(ws.Range('A1:E1').Value2).toEqual([['名称', 3, 4, 7, 14]]);
    expect(ws.Range('A1:E1').Formula).toEqual([['名称', '3', '4', '=SUM(B1:C1)', '=D1-B1+10']]);
    handle.userEdit('表一', 'B1', '10');
    expect(handle.getValue('表一', 'D1')).toBe(14);
    expect(handle.getValue('表一', 'E1')).toBe(14);
  });

  test('a one-cell range reads a scalar, an empty cell undefined', () => {
    const { ws } = setup();
    expect(ws.Range('B1').Value2).toBe(3);
    expect(ws.Range('Z9').Value2).toBeUndefined();
    expect(ws.Range('Z9').Formula).toBe('');
  });

  test('fills are BGR numbers through Interior; ColorIndex xlNone removes them', () => {
    const { ws, handle } = setup();
    ws.Range('A1').Interior.Color = 0xcec7ff; // RGB(255, 199, 206)
    expect(handle.getFill('表一', 'A1')).toBe('#FFC7CE');
    expect(ws.Range('A1').Interior.Pattern).toBe(1);
    ws.Range('A1').Interior.ColorIndex = -4142;
    expect(handle.getFill('表一', 'A1')).toBeNull();
    expect(ws.Range('A1').Interior.ColorIndex).toBe(-4142);
  });

  test('calls are recorded and counted', () => {
    const { ws, handle } = setup();
    handle.resetCalls();
    ws.Range('A5:B5').Value2 = [[1, 2]];
    void ws.Range('A5:B5').Value2;
    expect(handle.callCount('Range.Value2=')).toBe(1);
    expect(handle.callCount('Range.Value2')).toBe(1);
    expect(handle.calls()).toContainEqual({ op: 'Range.Value2=', sheet: '表一', address: 'A5:B5' });
  });

  test('SheetChange listeners get the sheet and the range for writes and user edits; removed ones are not called', () => {
    const { app, handle, ws } = setup();
    const seen: string[] = [];
    const listener = (sh: { Name: string }, target: { Address(a?: boolean, b?: boolean): string }): void => {
      seen.push(`${sh.Name}!${target.Address(false, false)}`);
    };
    app.ApiEvent!.AddApiEventListener('SheetChange', listener);
    ws.Range('A7:B7').Value2 = [[1, 2]];
    handle.userEdit('Other', 'C3', 5);
    expect(seen).toEqual(['表一!A7:B7', 'Other!C3']);
    expect(handle.events().map((e) => e.source)).toEqual(['api', 'user']);
    app.ApiEvent!.RemoveApiEventListener('SheetChange', listener);
    handle.userEdit('Other', 'C4', 6);
    expect(seen).toHaveLength(2);
    expect(handle.listenerCount()).toBe(0);
  });

  test('installFakeWps defines window.Application and window.wps and exposes a JSON handle', () => {
    const win: Record<string, unknown> = {};
    const handle = installFakeWps(win, { sheets: [{ name: 'S', cells: { A1: 1 } }], exposeAs: '__w' });
    expect(win.__w).toBe(handle);
    const app = win.Application as ReturnType<typeof createWpsFake>['app'];
    expect(app.ActiveWorkbook!.Worksheets.Item(1).Name).toBe('S');
    expect((win.wps as { EtApplication(): unknown }).EtApplication()).toBe(app);
    expect(JSON.parse(JSON.stringify(handle.allCells()))).toEqual({ S: { A1: 1 } });
  });
});
