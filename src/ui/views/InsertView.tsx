import * as React from 'react';
import { TEXT_SHEET } from '../../core/messages/narrative';
import type { CreatedSheets, CreateOptions, InsertTarget } from '../../app/create';
import type { Conflict, WorkbookPort } from '../../workbook/port';
import { defaultYear } from '../../app/year';
import { TextReplaceDialog } from '../components/TextReplaceDialog';
import { useStrings } from '../strings';
import { useTask } from '../useTask';
import { ImportSection, type ImportedReport } from './ImportSection';
import { ConflictDialog, type ConflictChoice } from './insert/ConflictDialog';
import { InsertForm, insertChoice, type InsertFields } from './insert/InsertForm';

export { ImportSection } from './ImportSection';

interface Pending {
  sheet: string;
  conflicts: Conflict[];
  target: InsertTarget;
  options: CreateOptions;
  /** a published report being inserted (its figures and text) */
  imported?: ImportedReport;
}

/** Loaded with import(): the code that writes the sheets is not needed before the first insert. */
const loadCreate = () => import(/* webpackChunkName: "app-create" */ '../../app/create');
const loadAuxiliary = () => import(/* webpackChunkName: "app-create" */ '../../app/auxiliary');

/** 插入表格: the form, the questions before writing over anything, and 导入已发布报告 below it. */
export function InsertView(props: {
  port: WorkbookPort;
  canSelectTarget?: boolean;
  /** outside Excel: a published report's figures go into a new workbook (else: a new sheet here) */
  onImport?: (imported: ImportedReport) => Promise<void>;
}): React.JSX.Element {
  const { t } = useStrings();
  const { port } = props;
  const [fields, setFields] = React.useState<InsertFields>(() => ({
    yearText: String(defaultYear()),
    formatChoice: 'auto',
    organization: '',
    manualTotals: false,
    target: 'new',
  }));
  const task = useTask();
  const [pending, setPending] = React.useState<Pending | null>(null);
  // which part of the view the last result belongs to: the form, or 导入已发布报告 below it
  const [from, setFrom] = React.useState<'insert' | 'import'>('insert');
  // an imported report's text waiting while the user is asked about the existing 报告文本
  const [textAsk, setTextAsk] = React.useState<{ text: string; done: string } | null>(null);

  /** After the tables: where they are, 报告正文 when added; an imported text on 报告文本 (asking before replacing one). */
  const finish = async (sheets: CreatedSheets, options: CreateOptions, imported?: ImportedReport): Promise<string> => {
    let message: string;
    if (imported) {
      // the published text on 报告文本, where 一键校验 checks it against these tables
      message = t.importer.inserted(sheets.tables);
      const { hasTextSheet, writeTextSheet } = await loadAuxiliary();
      if (await hasTextSheet(port)) setTextAsk({ text: imported.text, done: message });
      else message += t.importer.textKept(await writeTextSheet(port, imported.text));
    } else {
      message = t.insert.done(sheets.tables, sheets.address, options.format.id) + (sheets.profile ? t.insert.profileAdded(sheets.profile) : '');
    }
    try {
      await port.select(sheets.tables, sheets.address);
    } catch {
      // selecting is a convenience; the tables are written
    }
    return message;
  };

  /** Writes the report at the target; a conflict is asked about first (nothing written until the answer). */
  const insert = async (target: InsertTarget, options: CreateOptions, imported: ImportedReport | undefined, overwrite: boolean) => {
    const { insertReport } = await loadCreate();
    const result = await insertReport(port, options, target, overwrite);
    if (result.kind === 'conflict') {
      setPending({ sheet: result.sheet, conflicts: result.conflicts, target, options, imported });
      return;
    }
    return finish(result.sheets, options, imported);
  };

  /** Insert the tables; with `imported`, a published report's figures on a new sheet (totals as published). */
  const submit = (where: 'new' | 'selection', imported?: ImportedReport): Promise<void> => {
    setFrom(imported ? 'import' : 'insert');
    return task.run(async () => {
      const { year, format } = insertChoice(fields);
      if (!imported && year === null) return;
      const { importedOptions, selectionTarget } = await loadCreate();
      const options: CreateOptions = imported
        ? importedOptions(imported.data)
        : { format, year: year as number, organization: fields.organization.trim(), manualTotals: fields.manualTotals };
      let target: InsertTarget | null = { kind: 'new-sheet' };
      if (where === 'selection') target = await selectionTarget(port);
      if (!target) return task.setError({ code: 'no-selection', message: 'no active cell' });
      return insert(target, options, imported, false);
    });
  };

  const answerConflict = (choice: ConflictChoice): void => {
    const p = pending;
    setPending(null);
    if (!p || choice === 'cancel') return;
    if (choice === 'new-sheet') {
      if (!p.imported) setFields((f) => ({ ...f, target: 'new' }));
      void submit('new', p.imported);
      return;
    }
    void task.run(() => insert(p.target, p.options, p.imported, true));
  };

  const answerText = (replace: boolean): void => {
    const ask = textAsk;
    setTextAsk(null);
    if (!ask) return;
    if (!replace) return task.setNotice(ask.done + t.importer.textNotKept(TEXT_SHEET));
    void task.run(async () => {
      const { writeTextSheet } = await loadAuxiliary();
      return ask.done + t.importer.textKept(await writeTextSheet(port, ask.text));
    });
  };

  const onImport = props.onImport ?? ((imported: ImportedReport) => submit('new', imported));
  const busy = task.busy !== null;
  const done = task.notice?.text ?? null;

  return (
    <>
      <InsertForm
        fields={fields}
        onChange={(patch) => setFields((f) => ({ ...f, ...patch }))}
        onSubmit={() => void submit(fields.target)}
        canSelectTarget={props.canSelectTarget ?? true}
        busy={busy}
        done={from === 'insert' ? done : null}
        error={from === 'insert' ? task.error : null}
        onDismissError={task.clearError}
      >
        <ConflictDialog sheet={pending?.sheet ?? ''} conflicts={pending?.conflicts ?? null} onAnswer={answerConflict} />
        <TextReplaceDialog
          open={textAsk !== null}
          id="import-text-replace"
          sheet={TEXT_SHEET}
          onReplace={() => answerText(true)}
          onKeep={() => answerText(false)}
          onCancel={() => answerText(false)}
        />
      </InsertForm>
      <ImportSection
        onInsert={onImport}
        busy={busy}
        done={from === 'import' ? done : null}
        error={from === 'import' ? task.error : null}
        onDismissError={task.clearError}
      />
    </>
  );
}
