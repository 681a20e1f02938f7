/** One error code, one sentence: the CLI and the pane say the same thing for the same error. */
import { AppError } from '../../src/app/errors';
import { describeError, errorText, KNOWN_ERROR_CODES } from '../../src/core/messages/errors';
import { uiStrings } from '../../src/core/messages/ui';
import { describeError as paneError } from '../../src/ui/diagnostics';
import { WorkbookError } from '../../src/workbook/port';

describe('error sentences', () => {
  test.each(KNOWN_ERROR_CODES.map((c) => [c]))('%s: the pane shows the sentence the CLI prints', (code) => {
    const data = { file: '某局2024.xlsx', sheet: '年报统计表', cells: ['B3'], reason: 'missing', detail: '缺少 format', book: '2021', data: '2019', accepted: '.xlsx' };
    const error = ['unsupported-file', 'bad-json', 'format-mismatch', 'no-report'].includes(code)
      ? new AppError(code as AppError['code'], data)
      : new WorkbookError(code as WorkbookError['code'], data);
    const cli = describeError(error);
    expect(cli).not.toMatch(/处理.*时出错（/); // every known code has its own sentence
    expect(paneError(error, uiStrings('zh')).text).toBe(cli);
    expect(paneError(error, uiStrings('en'), {}, 'en').text).toBe(errorText(error, 'en'));
    expect(errorText(error, 'en')).not.toMatch(/[\u4e00-\u9fff]{3}/);
  });

  test('an error without a known code is the pane’s unexpected-error sentence, with diagnostics', () => {
    const r = paneError(new TypeError('x is undefined'), uiStrings('zh'));
    expect(r.code).toBe('unexpected');
    expect(r.text).toBe(uiStrings('zh').unexpected);
    expect(r.diagnostics).toContain('x is undefined');
  });
});
