import * as React from 'react';
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportCheck } from '../../../app/findings';
import { useStrings } from '../../strings';
import { CheckSummary } from './CheckSummary';
import { SeverityGroup, type FindingFocus } from './FindingGroups';

const useStyles = makeStyles({
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reportHeading: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
});

/** One report's check: heading, the summary per table, what was used (last year, the text), errors then warnings. */
export function ReportResult(props: { report: ReportCheck; index: number; focus: FindingFocus }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { report: r, index } = props;
  const headingId = `report-${index}`;
  // 尚未填写 is a neutral line; verified findings (numbers unchanged) are listed apart, with their note
  const unfilled = r.findings.filter((f) => f.unfilled);
  const verified = r.findings.filter((f) => !f.unfilled && f.disposition && !f.disposition.stale);
  const open = r.findings.filter((f) => !f.unfilled && !(f.disposition && !f.disposition.stale));
  const unfilledTables = new Set(unfilled.flatMap((f) => (f.table ? [f.table] : [])));
  const group = (severity: 'error' | 'warning' | 'verified') => (
    <SeverityGroup
      findings={severity === 'verified' ? verified : open.filter((f) => f.severity === severity)}
      severity={severity}
      headingId={headingId}
      reportIndex={index}
      formatId={r.formatId}
      focus={props.focus}
    />
  );
  return (
    <section className={styles.report} aria-labelledby={headingId} data-testid="report-result">
      <h3 id={headingId} className={styles.reportHeading}>
        {t.check.reportHeading(r.sheet, r.year, r.formatId, r.organization)}
      </h3>
      <CheckSummary summary={r.summary} unfilled={unfilledTables} />
      {r.previousYear !== undefined && (
        <Text size={200} data-testid="previous-used">
          {r.previousSource === 'kept'
            ? t.check.previousKept(r.previousYear)
            : r.previousSource === 'file'
              ? t.check.previousFile(r.previousYear)
              : t.check.previousUsed(r.previousYear)}
        </Text>
      )}
      {r.text && (
        <Text size={200} data-testid="text-checked">
          {t.check.textChecked(r.text)}
        </Text>
      )}
      {unfilled.length > 0 && (
        <Text size={200} data-testid="unfilled">
          {t.check.unfilledLine([...unfilledTables].map((id) => t.check.tableNames[id]).join('、'))}
        </Text>
      )}
      {open.length === 0 && unfilled.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t.check.allPassed}</MessageBarBody>
        </MessageBar>
      )}
      {group('error')}
      {group('warning')}
      {group('verified')}
    </section>
  );
}
