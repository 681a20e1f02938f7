import * as React from 'react';
import { MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { findingRef, type CheckOutcome } from '../../../app/findings';
import type { BoardRow } from '../../../app/rollup';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  ref: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** One unit's findings, from its check during the roll-up: each with its cell (sheet!A1); or why it could not be read. */
export function UnitFindings(props: { row: BoardRow; outcome: CheckOutcome | undefined }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { row, outcome } = props;
  const findings = (outcome?.reports ?? []).flatMap((r) => r.findings);
  return (
    <section data-testid="rollup-findings" aria-label={t.rollup.findingsTitle(row.organization || row.file)}>
      <Subtitle2 as="h3">{t.rollup.findingsTitle(row.organization || row.file)}</Subtitle2>
      {row.status === 'unreadable' ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t.rollup.unreadable(row.first)}</MessageBarBody>
        </MessageBar>
      ) : findings.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{t.rollup.noFindings}</MessageBarBody>
        </MessageBar>
      ) : (
        <ul className={styles.list}>
          {findings.map((f, k) => (
            <li key={k} data-testid="rollup-finding" data-check={f.id} className={f.severity === 'error' ? styles.error : undefined}>
              <span className={styles.ref}>{findingRef(f)}</span>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
