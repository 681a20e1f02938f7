import { copyText } from '../../diagnostics';

/**
 * 复制（网页格式）: the report as text/html (its tables stay tables when pasted into a CMS editor) and
 * text/plain together, through ClipboardItem; where that is missing or refused (older Office webviews),
 * the plain text alone. Returns what was copied, or null when nothing could be.
 */
export async function copyRich(content: { html: string; text: string }): Promise<'html' | 'text' | null> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  const Item = (globalThis as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
  if (clipboard?.write && Item) {
    try {
      await clipboard.write([
        new Item({
          'text/html': new Blob([content.html], { type: 'text/html' }),
          'text/plain': new Blob([content.text], { type: 'text/plain' }),
        }),
      ]);
      return 'html';
    } catch {
      // refused (no permission, an unfocused document): the text alone below
    }
  }
  return (await copyText(content.text)) ? 'text' : null;
}
