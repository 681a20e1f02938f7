import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { defaultYear } from '../app/year';
import { ErrorBar } from './components/ErrorBar';
import type { FileBackend, FileWorkbook, LostPart } from './files';
import { downloadBytes, looksLikeXlsx, readBytes } from './files';
import { useFilePicker } from './components/FilePicker';
import { LostPartsQuestion } from './shell/LostPartsQuestion';
import { useStrings } from './strings';
import { useTask } from './useTask';

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM + ' ' + tokens.spacingHorizontalM,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface OpenWorkbook {
  port: FileWorkbook;
  name: string;
  /** what the opened file holds that a download from here would not contain (asked about before downloading) */
  lost?: LostPart[];
}

/** Why the open workbook would be closed: 导入已发布报告, 新建空白模板 or 打开工作簿. */
export type ReplaceReason = 'import' | 'new' | 'open';

/**
 * Closes the open workbook for another one: asks first when it has changes not yet downloaded
 * (and downloads it first when the user says so), then runs `replace` with the notice of that
 * download ('' when none). On 取消 `replace` does not run.
 */
export type ReplaceWorkbook = (reason: ReplaceReason, replace: (downloaded: string) => Promise<void>) => Promise<void>;

/** Outside Excel: new template, open (file input or drop), download. */
export function FilePanel(props: {
  backend: FileBackend;
  current: OpenWorkbook | null;
  onOpen: (wb: OpenWorkbook) => void;
  /** the open workbook was downloaded (nothing unsaved now) */
  onDownloaded?: () => void;
  /** how the open workbook is replaced (the pane's question); without it, replaced at once */
  replace?: ReplaceWorkbook;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const task = useTask<'new' | 'open' | 'download'>();
  const { run, notice, error } = task;
  const busy = task.busy !== null;
  const [dragging, setDragging] = React.useState(false);

  const replace: ReplaceWorkbook = props.replace ?? ((_reason, run) => run(''));

  const newTemplate = () =>
    run('new', () =>
      replace('new', async (downloaded) => {
        const year = defaultYear();
        const wb = await props.backend.create();
        // the same sheets as 插入表格 and nianbao init: the tables and 报告正文
        const { blankOptions, createReportSheets } = await import(/* webpackChunkName: "app-create" */ '../app/create');
        const created = await createReportSheets(wb, blankOptions(year));
        try {
          await wb.select(created.tables, created.address);
        } catch {
          // no selection outside Excel
        }
        const name = t.file.templateName(year);
        props.onOpen({ port: wb, name });
        downloadBytes(await wb.toBuffer(), name);
        task.setNotice(downloaded + t.file.created(name));
      }),
    );

  const openFile = (file: File) =>
    run('open', async () => {
      if (!looksLikeXlsx(file.name)) return task.setError({ code: 'not-xlsx', data: { fileName: file.name }, message: 'not an .xlsx file name' });
      await replace('open', async (downloaded) => {
        const data = await readBytes(file);
        const wb = await props.backend.open(data, file.name);
        const lost = (await props.backend.unsupportedParts?.(data)) ?? [];
        props.onOpen({ port: wb, name: file.name, lost });
        task.setNotice(downloaded + t.file.opened(file.name));
      });
    });

  const download = () =>
    run('download', async () => {
      const cur = props.current;
      if (!cur) return;
      downloadBytes(await cur.port.toBuffer(), cur.name);
      props.onDownloaded?.();
    });
  // a file holding what ExcelJS does not carry (charts, pivot tables…): say what the download lacks, and ask
  const [asking, setAsking] = React.useState(false);
  const onDownload = (): void => (props.current?.lost?.length ? setAsking(true) : void download());

  const picker = useFilePicker({
    accept: '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    testId: 'file-input',
    onPick: (file) => void openFile(file),
  });

  const onDrop = (e: React.DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file && !busy) void openFile(file);
  };

  return (
    <section
      className={mergeClasses(styles.root, dragging && styles.dragging)}
      aria-labelledby="file-title"
      data-testid="file-panel"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Subtitle2 as="h2" id="file-title" className={styles.heading}>
        {t.file.title}
      </Subtitle2>
      {!props.current && <Text size={200}>{t.file.intro}</Text>}
      <div className={styles.actions}>
        <Button appearance={props.current ? 'secondary' : 'primary'} onClick={() => void newTemplate()} disabled={busy}>
          {t.file.newTemplate}
        </Button>
        <Button onClick={picker.open} disabled={busy}>
          {t.file.open}
        </Button>
        {props.current && (
          <Button onClick={onDownload} disabled={busy} data-testid="download">
            {t.file.download}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={t.file.loading} />}
      </div>
      {picker.input}
      <Text size={200}>{props.current ? t.file.current(props.current.name) : t.file.dropHint}</Text>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && <ErrorBar error={error} context={{ view: 'file' }} onDismiss={task.clearError} />}
      <LostPartsQuestion
        open={asking}
        name={props.current?.name ?? ''}
        lost={props.current?.lost ?? []}
        onAnswer={(go) => {
          setAsking(false);
          if (go) void download();
        }}
      />
    </section>
  );
}
