import * as React from 'react';
import type { WorkbookPort } from '../../workbook/port';

/** 生成报告 view (minimal placeholder; the full view follows). */
export function ReportView(props: { port: WorkbookPort; locale: 'zh' | 'en' }): React.JSX.Element {
  void props;
  return <div data-testid="report-view">生成报告</div>;
}
