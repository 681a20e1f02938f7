import * as React from 'react';
import { Badge, Button, Field, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { sheetRef } from '../../../core/grid';
import type { Finding, FindingCell } from '../../../core/rules/types';
import { checkTitle, targetCell } from '../../../app/findings';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}` },
  verified: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorder2}` },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  main: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0 ${tokens.spacingHorizontalM}`,
    border: 'none',
    background: 'transparent',
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  cell: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace },
  title: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', padding: `2px ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}` },
  feedback: { fontSize: tokens.fontSizeBase200, color: tokens.colorBrandForeground1 },
  details: { display: 'flex', flexDirection: 'column', gap: '2px', padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}` },
  line: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  sub: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  sentence: {
    display: 'block',
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  verifyForm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

const show = (v: FindingCell['value'], blank: string): string =>
  v === undefined || v === null || v === '' ? blank : typeof v === 'number' ? formatNumber(v) : String(v);
const refOf = (c: FindingCell): string => (c.sheet && c.address ? sheetRef(c.sheet, c.address) : c.address ?? c.label);

/** What a card holds besides its compact line: explanation, likely cell, consequences, ranges, suggestion, basis. */
function FindingText(props: { finding: Finding; id: string }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { finding: f } = props;
  const l = f.likely;
  return (
    <span id={props.id} className={styles.details}>
      <span className={styles.line}>{f.message}</span>
      {f.sentence && (
        <span className={styles.sentence} data-testid="finding-sentence">
          {t.check.sentence(f.sentence)}
        </span>
      )}
      {f.expected !== undefined && f.actual !== undefined && f.difference !== undefined && f.difference !== 0 && (
        <span className={styles.line}>
          {`${t.check.expected} ${formatNumber(f.expected)}，${t.check.actual} ${formatNumber(f.actual)}，${t.check.difference} ${formatNumber(Math.abs(f.difference))}`}
        </span>
      )}
      {l && (
        <span className={styles.line} data-testid="finding-likely">
          {l.suggested !== undefined
            ? t.check.likely(refOf(l), show(l.value, t.check.emptyValue), formatNumber(l.suggested))
            : t.check.likelyNoSuggestion(refOf(l), show(l.value, t.check.emptyValue))}
          {l.reason ? `。${t.check.reason}：${l.reason}` : ''}
        </span>
      )}
      {!l && f.noLikelyReason && (
        <span className={styles.line} data-testid="finding-no-likely">
          {t.check.noLikely}：{f.noLikelyReason}
        </span>
      )}
      {f.ranges && (
        <span className={styles.line} data-testid="finding-ranges">
          {t.check.ranges(f.ranges)}
        </span>
      )}
      {f.fills?.filter((x) => x.value !== undefined).map((x) => (
        <span key={refOf(x.cell)} className={styles.line}>
          {t.check.totalFill(refOf(x.cell), formatNumber(x.value as number))}
        </span>
      ))}
      {f.consequences && f.consequences.length > 0 && (
        <>
          <span className={styles.line}>{t.check.consequences}：</span>
          <span className={styles.sub} data-testid="finding-consequences">
            {f.consequences.map((c, i) => (
              <span key={i} className={styles.line}>
                · {c}
              </span>
            ))}
          </span>
        </>
      )}
      {f.suggestion && (
        <span className={styles.line}>
          {t.check.suggestion}：{f.suggestion}
        </span>
      )}
      <span className={styles.line}>
        {t.check.basis}：{f.basis}
      </span>
      {f.disposition && (
        <span className={styles.line} data-testid="finding-note">
          {t.check.verifiedNote(f.disposition.note, f.disposition.date)}
        </span>
      )}
    </span>
  );
}

/** 标记为已核实: a note, then the row on 核实说明 (the view writes it and checks again). */
function VerifyForm(props: { id: string; disabled: boolean; onVerify: (note: string) => Promise<boolean> }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const [note, setNote] = React.useState('');
  const [invalid, setInvalid] = React.useState(false);
  if (!open) {
    return (
      <div className={styles.row}>
        <Button size="small" onClick={() => setOpen(true)} disabled={props.disabled} data-testid="verify-open">
          {t.check.verify}
        </Button>
      </div>
    );
  }
  const save = async (): Promise<void> => {
    if (!note.trim()) return setInvalid(true);
    if (await props.onVerify(note.trim())) setOpen(false);
  };
  return (
    <div className={styles.verifyForm}>
      <Field label={t.check.verifyNote} validationMessage={invalid ? t.check.verifyEmpty : undefined} size="small">
        <Textarea
          id={`${props.id}-note`}
          value={note}
          placeholder={t.check.verifyPlaceholder}
          onChange={(_e, d) => {
            setNote(d.value);
            setInvalid(false);
          }}
          data-testid="verify-note"
        />
      </Field>
      <div className={styles.row}>
        <Button size="small" appearance="primary" onClick={() => void save()} disabled={props.disabled} data-testid="verify-save">
          {t.check.verifySave}
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          {t.common.cancel}
        </Button>
      </div>
    </div>
  );
}

/**
 * One finding, compact: its cell, its title (the relation and the numbers) and the difference; 详情
 * opens the explanation, the likely cell with the value that fits, the consequences, the basis, and
 * 标记为已核实. A click (or Enter) on the compact part goes to the cell; what happened shows in the card.
 * Screen readers hear the compact line as the button's name and the details as its description.
 */
export function FindingCard(props: {
  finding: Finding;
  formatId: string;
  cardId: string;
  active: boolean;
  feedback?: string;
  busy: boolean;
  onGo: () => void;
  onVerify: (note: string) => Promise<boolean>;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { finding: f, cardId } = props;
  const [open, setOpen] = React.useState(false);
  const title = f.title ?? checkTitle(props.formatId, f.id);
  const cell = targetCell(f);
  const ref = cell ? sheetRef(cell.sheet, cell.address) : undefined;
  const diff = f.difference !== undefined && f.difference !== 0 ? formatNumber(Math.abs(f.difference)) : undefined;
  const verified = !!f.disposition && !f.disposition.stale;
  const textId = `${cardId}-text`;
  return (
    <li
      className={mergeClasses(styles.card, verified ? styles.verified : f.severity === 'error' ? styles.error : styles.warning, props.active && styles.active)}
      data-testid="finding-card"
      data-check={f.id}
    >
      <button
        type="button"
        className={styles.main}
        data-testid="finding"
        data-check={f.id}
        data-severity={f.severity}
        data-cell={ref}
        data-verified={verified ? 'true' : undefined}
        data-stale={f.disposition?.stale ? 'true' : undefined}
        aria-describedby={textId}
        onClick={props.onGo}
      >
        {ref && <span className={styles.cell}>{ref}</span>}
        <span className={styles.title}>
          {title}
          {diff && !title.includes(diff) ? `（${t.check.differenceShort(diff)}）` : ''}
        </span>
        {f.likely?.suggested !== undefined && !f.disposition && (
          <span className={styles.line}>
            {t.check.likely(refOf(f.likely), show(f.likely.value, t.check.emptyValue), formatNumber(f.likely.suggested))}
          </span>
        )}
        {f.disposition && <span className={styles.line}>{t.check.verifiedNote(f.disposition.note, f.disposition.date)}</span>}
      </button>
      <div className={styles.bar}>
        {f.disposition?.stale && (
          <Badge appearance="tint" color="warning" data-testid="finding-stale">
            {t.check.stale}
          </Badge>
        )}
        <Button size="small" appearance="subtle" aria-expanded={open} aria-controls={`${cardId}-details`} onClick={() => setOpen((o) => !o)} data-testid="finding-toggle">
          {open ? t.check.hideDetails : t.check.details}
        </Button>
        <span role="status" className={styles.feedback} data-testid="finding-feedback">
          {props.feedback ?? ''}
        </span>
      </div>
      <div id={`${cardId}-details`} hidden={!open} data-testid="finding-details">
        <FindingText finding={f} id={textId} />
        {!verified && f.id !== 'TABLE-UNFILLED' && (
          <div className={styles.details}>
            <VerifyForm id={cardId} disabled={props.busy} onVerify={props.onVerify} />
          </div>
        )}
      </div>
    </li>
  );
}
