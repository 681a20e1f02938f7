import * as React from 'react';
import type { UiLocale } from '../../core/messages/ui';
import type { WorkbookPort } from '../../workbook/port';
import type { FileBackend } from '../files';
import type { ImportedReport } from '../views/ImportSection';
import type { ViewId } from '../views';
import { VIEW_IDS } from '../views';
import { CheckView, InsertView, ReportView, RollupView } from './lazyViews';
import { Rendered, ViewBoundary } from './ViewBoundary';

/**
 * The tab panels of the views shown so far (they stay mounted, so results survive switching tabs);
 * only `view` is visible. `generation` starts them afresh for a newly opened workbook.
 */
export function ViewPanels(props: {
  view: ViewId;
  visited: Set<ViewId>;
  generation: number;
  port: WorkbookPort;
  inExcel: boolean;
  files?: FileBackend;
  onImport?: (imported: ImportedReport) => Promise<void>;
  locale: UiLocale;
  /** the class of the shown panel (a class that sets display would override [hidden]) */
  className: string;
  onRendered: () => void;
}): React.JSX.Element {
  const { view, port, inExcel } = props;
  return (
    <>
      {VIEW_IDS.filter((id) => props.visited.has(id)).map((id) => (
        <div
          key={`${id}-${props.generation}`}
          role="tabpanel"
          id={`panel-${id}`}
          aria-labelledby={`tab-${id}`}
          hidden={id !== view}
          className={id === view ? props.className : undefined}
          data-testid={`panel-${id}`}
        >
          <ViewBoundary view={id}>
            {id === 'insert' ? (
              <InsertView port={port} canSelectTarget={inExcel} onImport={props.onImport} />
            ) : id === 'check' ? (
              <CheckView port={port} canSelect={inExcel} files={props.files} />
            ) : id === 'report' ? (
              <ReportView port={port} locale={props.locale} />
            ) : props.files ? (
              <RollupView files={props.files} target={inExcel ? port : undefined} />
            ) : null}
            {id === view && <Rendered onRendered={props.onRendered} />}
          </ViewBoundary>
        </div>
      ))}
    </>
  );
}
