import * as React from 'react';
import type { CheckOutcome } from '../../../app/findings';
import { rollupWorkbooks, type Rollup, type RollupSource } from '../../../app/rollup';
import type { FileBackend } from '../../files';
import { looksLikeXlsx, readBytes } from '../../files';

/** A file the user chose: its name (with its folder when a folder was chosen) and the file. */
export interface ChosenFile {
  name: string;
  file: File;
}

/** The chosen files that are workbooks: from a folder only .xlsx/.xlsm; files chosen one by one all (a wrong one is 无法读取, with why). */
export function chosenFiles(list: FileList | File[], fromFolder: boolean): ChosenFile[] {
  return [...list]
    .map((file) => ({ name: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, file }))
    .filter((f) => !fromFolder || looksLikeXlsx(f.file.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * The roll-up of the chosen files: each read when its turn comes (source.open reads the bytes then, so
 * memory does not grow with the number of files), the progress after each, and each file's check
 * (CheckOutcome, kept for a click on its unit).
 */
export function useRollup(backend: FileBackend) {
  const [rollup, setRollup] = React.useState<Rollup | null>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const outcomes = React.useRef(new Map<string, CheckOutcome>());

  const run = async (files: ChosenFile[]): Promise<Rollup> => {
    outcomes.current = new Map();
    setRollup(null);
    setProgress({ done: 0, total: files.length });
    const sources: RollupSource[] = files.map((f) => ({
      name: f.name,
      open: async () => {
        const bytes = await readBytes(f.file);
        return backend.read ? backend.read(bytes, f.file.name) : backend.open(bytes, f.file.name);
      },
    }));
    try {
      const result = await rollupWorkbooks(sources, {
        onFile: (done, entry, outcome) => {
          if (outcome) outcomes.current.set(entry.name, outcome);
          setProgress({ done, total: files.length });
        },
      });
      setRollup(result);
      return result;
    } finally {
      setProgress(null);
    }
  };

  return { rollup, progress, run, outcomeOf: (file: string) => outcomes.current.get(file) };
}
