export type ViewId = 'insert' | 'check' | 'report' | 'rollup';
export const VIEW_IDS: readonly ViewId[] = ['insert', 'check', 'report', 'rollup'];

/** ?view=insert|check|report|rollup (the ribbon buttons open those); anything else → insert. */
export function viewFromSearch(search: string): ViewId {
  const v = new URLSearchParams(search).get('view');
  return (VIEW_IDS as readonly string[]).includes(v ?? '') ? (v as ViewId) : 'insert';
}
