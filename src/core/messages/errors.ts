/**
 * WorkbookError codes and data → one clear Chinese sentence for the user (CLI, task pane).
 * Pure: takes the error's code and data (structurally, so core does not import the workbook layer).
 */

export interface ErrorLike {
  code: string;
  data?: Record<string, unknown>;
  message?: string;
}

const DETECTED: Record<string, string> = {
  xls: '旧版 Excel 97-2003 工作簿（.xls）或其他 Office 旧格式文件',
  xlsb: 'Excel 二进制工作簿（.xlsb）',
  docx: 'Word 文档（.docx）',
  pptx: 'PowerPoint 演示文稿（.pptx）',
  ods: 'OpenDocument 电子表格（.ods）',
  zip: '普通压缩包（.zip）',
  text: '文本文件（如 .csv、.txt）',
  html: '网页文件（HTML，常见于“导出为 Excel”的网页表格）',
  pdf: 'PDF 文件',
  binary: '无法识别格式的文件',
};

const SAVE_AS = '请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（*.xlsx）再试。';

const IO_REASONS: Record<string, string> = {
  missing: '文件不存在，请检查路径和文件名',
  ENOENT: '文件不存在，请检查路径和文件名',
  EACCES: '没有访问权限',
  EPERM: '没有访问权限',
  EISDIR: '这是一个文件夹，不是文件',
  EBUSY: '文件正被其他程序占用，请先在 Excel 或 WPS 中关闭它',
  ENOSPC: '磁盘空间不足',
  EROFS: '位置是只读的',
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** “文件“x.xlsx”” or “文件” when the name is unknown */
function fileRef(name: string | undefined): string {
  return name ? `文件“${name}”` : '文件';
}

function baseName(p: string): string {
  return p.replace(/^.*[\\/]/, '');
}

function conflictCells(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((c) => (c && typeof c === 'object' && 'address' in c ? str((c as { address: unknown }).address) : str(c)))
    .filter((x): x is string => !!x);
}

/** Why a write failed, naming the path as the user gave it (data.path). */
function writeFailed(p: string, reason: string | undefined): string {
  const at = `“${p}”`;
  const dir = p.replace(/[\\/][^\\/]*$/, '') || '.';
  switch (reason) {
    case 'missing-folder':
      return `无法写入${at}：文件夹“${dir}”不存在。请先建立该文件夹，或换一个已有的位置。`;
    case 'is-folder':
      return `无法写入${at}：这是一个文件夹，不是文件。请在路径末尾写上文件名（例如 ${p.replace(/[\\/]+$/, '')}/年报.xlsx）。`;
    case 'read-only':
      return `无法写入${at}：该位置是只读的，或没有写入权限。请换一个可以写入的文件夹，或检查文件是否被设为只读。`;
    case 'busy':
      return `无法写入${at}：文件正被其他程序占用，请先在 Excel 或 WPS 中关闭它再试。`;
    case 'no-space':
      return `无法写入${at}：磁盘空间不足。请清理磁盘或换一个位置。`;
    case 'interrupted':
      return `写入${at}时中断，文件没有保存（原有文件保持不变，临时文件已删除）。请重试。`;
    default:
      return `无法写入${at}${reason ? `（${reason}）` : ''}。原有文件保持不变，临时文件已删除。`;
  }
}

/** The parts a rewrite outside Excel would lose, and what to do instead. */
function unsupportedParts(name: string | undefined, parts: unknown): string {
  const labels = Array.isArray(parts)
    ? [...new Set(parts.map((p) => (p && typeof p === 'object' && 'label' in p ? str((p as { label: unknown }).label) : undefined)).filter((x): x is string => !!x))]
    : [];
  const what = labels.length ? labels.join('、') : '本工具无法保留的内容';
  return `${name ? `工作簿“${name}”` : '工作簿'}含有${what}。在 Excel 之外改写它会丢失这些内容，所以没有覆盖原文件。请改为另存为新文件（原文件保持不变），或在 Excel 中打开本加载项直接填写。`;
}

/**
 * The Chinese sentence for a WorkbookError (code + data). `file` names the file when the error's
 * data does not (data.file, data.fileName or data.path are used first).
 */
export function describeError(error: ErrorLike, file?: string): string {
  const d = error.data ?? {};
  const fromData = str(d.file) ?? str(d.fileName) ?? (str(d.path) ? baseName(str(d.path)!) : undefined);
  const name = fromData ?? (file ? baseName(file) : undefined);
  const f = fileRef(name);
  const sheet = str(d.sheet);
  switch (error.code) {
    case 'empty-file':
      return `${f}是空文件（0 字节），里面没有工作簿。请确认文件已完整保存或下载后再试。`;
    case 'not-xlsx': {
      const what = DETECTED[str(d.detected) ?? ''];
      return `${f}不是 Excel 工作簿（.xlsx）${what ? `，看起来是${what}` : ''}。${SAVE_AS}`;
    }
    case 'corrupt': {
      const what = DETECTED[str(d.detected) ?? ''];
      if (what) return `${f}是${what}，不是 Excel 工作簿（.xlsx）。${SAVE_AS}`;
      const detail = str(d.detail);
      if (name && /\.json$/i.test(name)) return `${f}不是有效的年报数据文件（report.json）${detail ? `：${detail}` : ''}。`;
      if (d.reason === 'truncated') return `${f}不完整（文件在中途被截断，可能下载或复制没有完成），无法作为 Excel 工作簿读取。请重新下载或从原处复制后再试。`;
      return `${f}已损坏或不完整，无法作为 Excel 工作簿读取${detail ? `（${detail}）` : ''}。请用 Excel 或 WPS 打开检查，另存为新的 .xlsx 文件后再试。`;
    }
    case 'encrypted':
      return `${f}设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后再试。`;
    case 'conflict': {
      const cells = conflictCells(d.cells);
      const where = sheet ? `工作表“${sheet}”` : '工作表';
      const list = cells.slice(0, 5).join('、');
      const more = cells.length > 5 ? ` 等 ${cells.length} 个单元格` : cells.length > 1 ? ` 这 ${cells.length} 个单元格` : ' 单元格';
      return `${where}的 ${list || '目标区域'}${cells.length ? more : ''}已有内容，写入统计表会覆盖它们。请选择空白位置或新建工作表，或确认覆盖后再试。`;
    }
    case 'no-sheet':
      return `${name ? `${f}中` : '工作簿中'}没有名为“${sheet ?? ''}”的工作表。`;
    case 'no-tables':
      return `${sheet ? `工作表“${sheet}”` : f}中没有找到政府信息公开年报统计表（表二、表三、表四）。请确认表格的行列名称与官方格式一致，或先用本工具生成统计表。`;
    case 'io': {
      const reason = str(d.reason);
      const op = d.op === 'write' ? '写入' : '读取';
      const why = reason ? IO_REASONS[reason] ?? reason : undefined;
      return `无法${op}${f}${why ? `：${why}` : ''}。`;
    }
    case 'host': {
      const detail = str(d.message) ?? (error.message && error.message !== 'host' ? error.message : undefined);
      return `Excel 没有完成这项操作${detail ? `（${detail}）` : ''}。请确认没有正在编辑的单元格（按 Esc 退出编辑），然后重试；如果一再出现，请点“复制诊断信息”发给技术支持。`;
    }
    case 'unsupported-file':
      return `${f}的类型不能用在这里${str(d.accepted) ? `，请选择 ${str(d.accepted)} 文件` : ''}。`;
    case 'bad-json':
      return `${f}不是有效的交换格式 JSON（report.json）${str(d.detail) ? `：${str(d.detail)}` : ''}。`;
    case 'format-mismatch':
      return `${name ? `工作簿“${name}”` : '工作簿'}中的表格是 ${str(d.book) ?? '?'} 版格式，而数据是 ${str(d.data) ?? '?'} 版格式，两者的项目不同，未写入。请用同一格式的数据，或用 nianbao init --data 新建工作簿。`;
    case 'no-report':
      return `${f}中没有读到年报的统计数字。`;
    case 'not-text': {
      const detail = str(d.detail) ? `（${str(d.detail)}）` : '';
      if (d.reason === 'empty') return `${f}是空的，没有可导入的报告内容，未写入任何文件。`;
      if (d.reason === 'docx') return `${f}无法作为 Word 文档（.docx）读取${detail}，未写入任何文件。请在 Word 或 WPS 中打开后另存为 .docx 再试。`;
      if (d.reason === 'pdf') return `${f}无法作为 PDF 文件读取${detail}，未写入任何文件。`;
      return `${f}不是文本、网页、Word（.docx）或 PDF 文件（看起来是二进制文件），读不出报告的文字，未写入任何文件。`;
    }
    case 'too-large':
      return `${f}解压后超过 ${Math.round((Number(d.limit) || 200 * 1024 * 1024) / 1024 / 1024)} MB，远大于任何年报工作簿，为保护电脑未读取（可能是损坏或恶意构造的文件）。请确认文件来源，在 Excel 或 WPS 中打开后只保留年报表格，另存为新的 .xlsx 文件再试。`;
    case 'write-failed':
      return writeFailed(str(d.path) ?? name ?? '', str(d.reason));
    case 'unsupported-parts':
      return unsupportedParts(name, d.parts);
    default:
      return `处理${f}时出错（${error.code}）。`;
  }
}

/** The pane in English: one sentence per code (the Chinese ones above are the product's own). */
const EN: Record<string, string> = {
  conflict: 'The target cells are not empty; nothing was written.',
  'not-xlsx': 'This file is not an .xlsx workbook. Save it in Excel as "Excel Workbook (*.xlsx)" and open it again.',
  corrupt: 'The file is damaged or not in a readable format.',
  'empty-file': 'The file is empty (0 bytes).',
  encrypted: 'The workbook is password-protected. Remove the password in Excel first.',
  'no-sheet': 'The worksheet was not found; it may have been deleted or renamed.',
  'no-tables': 'No report tables were found in the workbook.',
  io: 'The file could not be read or written.',
  host: 'Excel did not complete the action. Make sure no cell is being edited (press Esc) and try again.',
  'unsupported-file': 'This kind of file cannot be used here.',
  'bad-json': 'The file is not valid interchange JSON (report.json).',
  'format-mismatch': 'The data is of another format than the workbook\'s tables; nothing was written.',
  'no-report': 'No report figures were found in the file.',
  'not-text': 'The file holds no text of a published report (empty, binary or unreadable); nothing was written.',
  'too-large': 'The file inflates to far more than any report workbook; it was not read.',
  'write-failed': 'The file could not be written.',
  'unsupported-parts': 'The workbook holds charts, pictures or other parts that would be lost if it were rewritten here; write a new file instead.',
};

/** Error codes with a sentence of their own (every other code is an unexpected error). */
export const KNOWN_ERROR_CODES: readonly string[] = Object.keys(EN);

/** The sentence for an error in the pane's language: Chinese as above, English from one table. */
export function errorText(error: ErrorLike, locale: 'zh' | 'en' = 'zh', file?: string): string {
  return locale === 'en' ? EN[error.code] ?? `An error occurred (${error.code}).` : describeError(error, file);
}
