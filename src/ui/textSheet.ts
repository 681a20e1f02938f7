/**
 * 报告文本 for the pane, loaded with import() when a text is written: writeTextSheet needs the
 * check code's cell layout, which the first render should not carry.
 */
export { TEXT_SHEET } from '../core/messages/narrative';
export { writeTextSheet } from '../workbook/operations';
