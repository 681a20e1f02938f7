/** Text files as people save them: UTF-8 (with or without BOM) or, from Notepad on Chinese Windows, GB18030. */

/** UTF-8 when the bytes are valid UTF-8, else GB18030. A BOM is dropped. */
export function decodeText(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
