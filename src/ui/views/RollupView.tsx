/**
 * 汇总 (issue 13): the workbooks of many units (chosen files, or a folder) checked one by one and summed —
 * the board (who passes, who has errors, which files cannot be read and why), a click on a unit for its
 * findings, the charts (with last year's roll-up, when loaded, the change by year), and the results:
 * outside Excel 汇总.xlsx (the two sheets in a new workbook) and the HTML board; inside Excel the two
 * sheets written into the open workbook (with Excel's own charts on 校验汇总).
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { renderBoard } from '../../app/board-html';
import { loadPreviousRollup, writeRollup } from '../../app/rollup';
import type { ReportData } from '../../core/model/report';
import type { WorkbookPort } from '../../workbook/port';
import { ErrorBar } from '../components/ErrorBar';
import { downloadBlob, downloadBytes, readBytes, type FileBackend } from '../files';
import { useStrings } from '../strings';
import { useTask } from '../useTask';
import { BoardTable } from './rollup/BoardTable';
import { RollupCharts } from './rollup/RollupCharts';
import { UnitFindings } from './rollup/UnitFindings';
import { chosenFiles, useRollup, type ChosenFile } from './rollup/useRollup';

const useStyles = makeStyles({
  // the view never scrolls sideways at pane width: only the board's own box does
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '100%' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function RollupView(props: {
  files: FileBackend;
  /** inside Excel: the open workbook, where 写入 puts 校验汇总 and 汇总统计表 */
  target?: WorkbookPort;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const task = useTask<'read' | 'xlsx' | 'html' | 'write'>();
  // last year's roll-up has its own notice and error, shown where it is loaded (below the board)
  const previousTask = useTask();
  const { rollup, progress, run, outcomeOf } = useRollup(props.files);
  const [selected, setSelected] = React.useState<string | null>(null);
  const filesInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const previousInput = React.useRef<HTMLInputElement>(null);
  /** last year's roll-up for the change by year: its figures and the file's name */
  const [previous, setPrevious] = React.useState<{ data: ReportData; file: string } | null>(null);
  const busy = task.busy !== null || previousTask.busy !== null;

  const start = (list: ChosenFile[]) =>
    task.run('read', async () => {
      setSelected(null);
      setPrevious(null); // of the roll-up before: its year may not fit this one
      previousTask.setNotice(null);
      previousTask.clearError();
      if (!list.length) return { intent: 'warning', text: t.rollup.noXlsx };
      const r = await run(list);
      return r.year !== null && r.format ? t.rollup.chosen(r.year, r.format, r.units.length) : { intent: 'warning', text: t.rollup.nothing };
    });

  const picked = (e: React.ChangeEvent<HTMLInputElement>, fromFolder: boolean): void => {
    const list = chosenFiles(e.target.files ?? [], fromFolder);
    e.target.value = '';
    void start(list);
  };

  const pickedPrevious = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !rollup || rollup.year === null) return;
    const year = rollup.year;
    void previousTask.run(async () => {
      const loaded = await loadPreviousRollup({ name: file.name, bytes: await readBytes(file) }, (bytes, name) => props.files.open(bytes as ArrayBuffer, name), year);
      if ('wrongYear' in loaded) return { intent: 'warning', text: t.rollup.previousWrongYear(file.name, loaded.wrongYear, year - 1) };
      setPrevious({ data: loaded.data, file: file.name });
      return t.rollup.previousLoaded(file.name, loaded.data.year);
    });
  };

  const downloadXlsx = () =>
    task.run('xlsx', async () => {
      if (!rollup) return;
      const wb = await props.files.create();
      await writeRollup(wb, rollup, { previous: previous?.data });
      downloadBytes(await wb.toBuffer(), '汇总.xlsx');
    });
  const downloadHtml = () =>
    task.run('html', async () => {
      if (!rollup) return;
      const html = await renderBoard(rollup, { previous: previous?.data, generated: new Date().toLocaleDateString('zh-CN') });
      downloadBlob('校验汇总.html', new Blob([html], { type: 'text/html;charset=utf-8' }));
    });
  const write = (port: WorkbookPort) =>
    task.run('write', async () => {
      if (!rollup) return;
      const { board, tables } = await writeRollup(port, rollup, { previous: previous?.data });
      return t.rollup.written(board, tables);
    });

  const row = rollup?.rows.find((r) => r.file === selected);
  return (
    <div className={styles.root} data-testid="rollup-view">
      <Subtitle2 as="h2">{t.rollup.title}</Subtitle2>
      <Text size={200}>{t.rollup.intro}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => filesInput.current?.click()} disabled={busy}>
          {t.rollup.openFiles}
        </Button>
        <Button onClick={() => folderInput.current?.click()} disabled={busy}>
          {t.rollup.openFolder}
        </Button>
        {progress && <Spinner size="tiny" label={t.rollup.progress(progress.done, progress.total)} data-testid="rollup-progress" />}
      </div>
      <input ref={filesInput} type="file" multiple accept=".xlsx,.xlsm" hidden data-testid="rollup-files" onChange={(e) => picked(e, false)} />
      <input ref={folderInput} type="file" multiple hidden data-testid="rollup-folder" {...{ webkitdirectory: '' }} onChange={(e) => picked(e, true)} />
      {task.notice && (
        <MessageBar intent={task.notice.intent} data-testid="rollup-notice">
          <MessageBarBody>{task.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {task.error !== null && <ErrorBar error={task.error} context={{ view: 'rollup' }} onDismiss={task.clearError} />}
      {rollup && (
        <>
          <div className={styles.actions}>
            {props.target ? (
              <Button appearance="primary" onClick={() => void write(props.target!)} disabled={busy || !rollup.data}>
                {t.rollup.writeSheets}
              </Button>
            ) : (
              <Button appearance="primary" onClick={() => void downloadXlsx()} disabled={busy}>
                {t.rollup.downloadXlsx}
              </Button>
            )}
            <Button onClick={() => void downloadHtml()} disabled={busy}>
              {t.rollup.downloadHtml}
            </Button>
          </div>
          <BoardTable rows={rollup.rows} selected={selected} onSelect={setSelected} />
          {row && <UnitFindings row={row} outcome={outcomeOf(row.file)} />}
          {rollup.data && rollup.year !== null && (
            <div className={styles.actions} data-testid="rollup-previous-section">
              <Button size="small" onClick={() => previousInput.current?.click()} disabled={busy}>
                {t.rollup.loadPrevious}
              </Button>
              {previous ? (
                <>
                  <Text size={200} data-testid="rollup-previous-current">
                    {t.rollup.previousCurrent(previous.file, previous.data.year)}
                  </Text>
                  <Button size="small" appearance="subtle" onClick={() => setPrevious(null)} disabled={busy}>
                    {t.rollup.previousClear}
                  </Button>
                </>
              ) : (
                <Text size={200}>{t.rollup.previousHint}</Text>
              )}
              <input ref={previousInput} type="file" accept=".xlsx,.xlsm" hidden data-testid="rollup-previous" onChange={pickedPrevious} />
            </div>
          )}
          {previousTask.notice && (
            <MessageBar intent={previousTask.notice.intent} data-testid="rollup-previous-notice">
              <MessageBarBody>{previousTask.notice.text}</MessageBarBody>
            </MessageBar>
          )}
          {previousTask.error !== null && <ErrorBar error={previousTask.error} context={{ view: 'rollup' }} onDismiss={previousTask.clearError} />}
          {rollup.data && <RollupCharts rollup={rollup} previous={previous?.data} />}
        </>
      )}
    </div>
  );
}
