import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { sheetRef } from '../../../core/grid';
import type { Finding } from '../../../core/rules/types';
import { checkTitle, targetCell } from '../../../app/findings';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  finding: {
    display: 'block',
    padding: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}` },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  title: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  line: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, marginTop: '2px' },
  message: { display: 'block', marginTop: '2px' },
  sentence: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
});

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** One finding: its cell (or check), the message, the sentence it is about, the difference, what to do, the basis. Click or Enter goes to the cell. */
export function FindingCard(props: { finding: Finding; formatId: string; active: boolean; onGo: () => void }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { finding: f, onGo } = props;
  const title = checkTitle(props.formatId, f.id);
  const cell = targetCell(f);
  const ref = cell ? sheetRef(cell.sheet, cell.address) : undefined;
  const named = [f.suspect, ...f.cells].find((c) => c?.sheet === cell?.sheet && c?.address === cell?.address);
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onGo();
    }
  };
  return (
    <li>
      <div
        role="button"
        tabIndex={0}
        data-testid="finding"
        data-check={f.id}
        data-severity={f.severity}
        data-cell={ref}
        aria-label={`${title}${ref ? `，${t.check.goToCell(ref)}` : ''}`}
        className={mergeClasses(styles.finding, f.severity === 'error' ? styles.error : styles.warning, props.active && styles.active)}
        onClick={onGo}
        onKeyDown={onKeyDown}
      >
        <span className={styles.title}>{ref ? `${ref}${named?.label ? `\u3000${named.label}` : ''}` : title}</span>
        <span className={styles.message}>{f.message}</span>
        {f.sentence && (
          <span className={styles.sentence} data-testid="finding-sentence">
            {t.check.sentence(f.sentence)}
          </span>
        )}
        {f.difference !== undefined && f.difference !== 0 && (
          <span className={styles.line}>
            {f.expected !== undefined && f.actual !== undefined
              ? `${t.check.expected} ${formatNumber(f.expected)}，${t.check.actual} ${formatNumber(f.actual)}，`
              : ''}
            {t.check.difference} {formatNumber(Math.abs(f.difference))}
          </span>
        )}
        {f.suggestion && (
          <span className={styles.line}>
            {t.check.suggestion}：{f.suggestion}
          </span>
        )}
        <span className={styles.line}>
          {t.check.basis}：{f.basis}
        </span>
      </div>
    </li>
  );
}
