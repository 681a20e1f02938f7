/** Browser downloads for the 生成报告 view (Blob + a temporary link; nothing leaves the machine). */

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

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
