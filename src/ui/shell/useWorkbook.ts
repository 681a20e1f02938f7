import * as React from 'react';
import type { OpenWorkbook, ReplaceReason, ReplaceWorkbook } from '../FilePanel';
import { downloadBytes, watchChanges } from '../files';
import { useStrings } from '../strings';

export type ReplaceChoice = 'download' | 'discard' | 'cancel';

/** The question before the open workbook is closed for another, and how to answer it. */
export interface ReplaceAsk {
  reason: ReplaceReason;
  answer: (choice: ReplaceChoice) => void;
}

/**
 * Outside Excel: the open workbook, whether it has changes not yet downloaded, and the one way it is
 * closed for another (导入, 新建空白模板, 打开工作簿) — asking first when it has such changes.
 */
export function useWorkbook(initial: OpenWorkbook | undefined) {
  const { t } = useStrings();
  // the open workbook has changes not yet downloaded
  const [changed, setChanged] = React.useState(false);
  const watch = (wb: OpenWorkbook): OpenWorkbook => ({ ...wb, port: watchChanges(wb.port, () => setChanged(true)) });
  const [workbook, setWorkbook] = React.useState<OpenWorkbook | null>(() => (initial ? watch(initial) : null));
  const [ask, setAsk] = React.useState<ReplaceAsk | null>(null);
  // read when a question is due (after awaits, so never a stale render's values)
  const current = React.useRef<{ workbook: OpenWorkbook | null; changed: boolean }>({ workbook: null, changed: false });
  current.current = { workbook, changed };

  /** Makes `wb` the open workbook; `unsaved` when it is not downloaded yet. */
  const adopt = (wb: OpenWorkbook, unsaved = false): void => {
    setWorkbook(watch(wb));
    setChanged(unsaved);
  };

  const answer = (choice: ReplaceChoice): void => {
    const pending = ask;
    setAsk(null);
    pending?.answer(choice);
  };

  /**
   * Asks first when the open workbook has changes not yet downloaded (the import always asks),
   * downloads it first when the user says so, then runs `replace` with the notice of that download.
   * On 取消 nothing runs.
   */
  const replace: ReplaceWorkbook = async (reason, run) => {
    const { workbook: wb, changed: unsaved } = current.current;
    let downloaded = '';
    if (wb && (unsaved || reason === 'import')) {
      const choice = await new Promise<ReplaceChoice>((resolve) => setAsk({ reason, answer: resolve }));
      if (choice === 'cancel') return;
      if (choice === 'download') {
        downloadBytes(await wb.port.toBuffer(), wb.name);
        setChanged(false);
        downloaded = t.importer.downloaded(wb.name);
      }
    }
    await run(downloaded);
  };

  return { workbook, changed, setChanged, adopt, ask, answer, replace };
}
