/// <reference types="wps-jsapi" />
import type { WpsApplication, WpsWorkbook } from '../../../src/workbook/wps/host';

/**
 * Type-level check: Kingsoft's descriptions of the ET object model (wps-jsapi, lib.et.d.ts) fit the
 * subset the WPS port is written against, read the way they are generated.
 *
 * The descriptions come from the COM type library: a parameterised property or a method that
 * returns an object is written `Name(…args, RHS?: T): void`, its result being the type of the last
 * parameter (`Worksheet.Range(Cell1?, Cell2?, RHS?: EtRange): void`, `Sheets.Item(Index?, RHS?: any): void`).
 * `Described<T>` reads every `void` method that way. The one property whose described type is
 * wrong and which the port uses is corrected by name (`Worksheet.UsedRange: number`, a Range in
 * ET); `Range.Value2`/`Formula` (described `number`) and `Name.RefersTo` (`number`) are typed
 * `unknown` in host.ts, which the port narrows. `Application.ApiEvent` is not in EtApplication at
 * all (it is optional in host.ts); `wps.ApiEvent` is checked on its own, its SheetChange callback's
arguments being described as `object`. If wps-jsapi changes a
 * member the port uses, this file stops compiling or the expectations below change.
 */
type Assignable<T, U> = [T] extends [U] ? true : false;
type IsAny<T> = 0 extends 1 & T ? true : false;

/** `(…args, RHS?: R) => void` → `(…args) => R`; other functions unchanged */
type Getter<F> = F extends (...args: infer A) => infer R
  ? [R] extends [void]
    ? Required<A> extends [...infer Head, infer Last]
      ? (...args: Partial<Head>) => Described<Last>
      : F
    : F
  : F;

/** the corrections: described property types that are wrong, by name */
interface Corrections {
  UsedRange: Et.EtRange;
}

type Described<T> =
  IsAny<T> extends true
    ? T
    : T extends (...args: never[]) => unknown
      ? Getter<T>
      : T extends object
        ? { [K in keyof T]: K extends keyof Corrections ? Described<Corrections[K]> : Described<T[K]> }
        : T;

// taken literally (methods returning void) the descriptions do not fit: the reading below is needed
// (checked first: the compiler caches relations between these types once it has compared them)
const literalFits: Assignable<Et.EtWorkbook, WpsWorkbook> = false;
// read as generated, with the correction, the ET Application fits the port's host types
const applicationFits: Assignable<Described<Et.EtApplication>, WpsApplication> = true;
// wps.ApiEvent (the namespace) has 'SheetChange' with a (sheet, range) callback, both described as `object`:
// the port types them as VBA's SheetChange(Sh As Object, Target As Range) gives them (a Worksheet, a Range)
type DescribedSheetChange = (sheet: object, target: object) => void;
const apiEventFits: Assignable<
  typeof wps.ApiEvent,
  { AddApiEventListener(name: 'SheetChange', callback: DescribedSheetChange): void; RemoveApiEventListener(name: 'SheetChange'): void }
> = true;
// the correction is still needed: UsedRange is described as a number
const usedRangeIsNumber: Assignable<Et.EtWorksheet['UsedRange'], number> = true;
// what the descriptions say Range.Value2 is (the port types it unknown: a scalar or a 2-D array)
const value2IsNumber: Assignable<Et.EtRange['Value2'], number> = true;

test('wps-jsapi’s ET Application, read as COM descriptions, satisfies the WPS port host types', () => {
  expect([literalFits, applicationFits, apiEventFits, usedRangeIsNumber, value2IsNumber]).toEqual([false, true, true, true, true]);
});
