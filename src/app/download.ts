/** File names and types of the 生成报告 downloads (the download itself: downloadBlob in ../files). */

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
} as const;

/** A file name from the report title without characters Windows does not allow. */
export function fileName(title: string, ext: keyof typeof MIME): string {
  const base = title.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').trim() || 'report';
  return `${base}.${ext}`;
}
