import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../core/rules/types';
import { checkTitle } from '../../../app/findings';
import { useStrings } from '../../strings';
import { FindingCard } from './FindingCard';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  checkGroup: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  checkHeading: { margin: `${tokens.spacingVerticalXS} 0 0 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  more: { alignSelf: 'flex-start' },
  groupHeading: { margin: `${tokens.spacingVerticalS} 0 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** Findings shown per check before "显示其余…" (a new blank table has one finding per cell). */
export const SHOWN_PER_CHECK = 5;

/** Findings of one severity grouped by check, in the order the checks first appear. */
function byCheck(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.id);
    if (list) list.push(f);
    else groups.set(f.id, [f]);
  }
  return [...groups.entries()];
}

/** Which finding was last gone to (one for the whole view), and how to go to one. */
export interface FindingFocus {
  activeKey: string | null;
  /** what the last click did, shown inside that card (cleared by a re-check) */
  feedback: { key: string; text: string } | null;
  busy: boolean;
  onGo: (finding: Finding, key: string) => void;
  /** 标记为已核实 with a note; true when it was recorded */
  onVerify: (finding: Finding, note: string) => Promise<boolean>;
}

/** One check's findings: the first SHOWN_PER_CHECK, and 显示全部 / 收起 for the rest. */
function CheckGroup(props: { groupKey: string; checkId: string; items: Finding[]; formatId: string; focus: FindingFocus }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { groupKey, checkId, items, focus } = props;
  const [open, setOpen] = React.useState(false);
  const shown = open ? items : items.slice(0, SHOWN_PER_CHECK);
  const groupId = `${groupKey}-title`;
  return (
    <div className={styles.checkGroup} data-testid="check-group" data-check={checkId}>
      <h5 className={styles.checkHeading} id={groupId}>
        {t.check.groupCount(checkTitle(props.formatId, checkId), items.length)}
      </h5>
      <ul className={styles.group} aria-labelledby={groupId}>
        {shown.map((f, i) => {
          const key = `${groupKey}-${i}`;
          return (
            <FindingCard
              key={key}
              cardId={`card-${key}`}
              finding={f}
              formatId={props.formatId}
              active={focus.activeKey === key}
              feedback={focus.feedback?.key === key ? focus.feedback.text : undefined}
              busy={focus.busy}
              onGo={() => focus.onGo(f, key)}
              onVerify={(note) => focus.onVerify(f, note)}
            />
          );
        })}
      </ul>
      {items.length > SHOWN_PER_CHECK && (
        <Button size="small" appearance="subtle" className={styles.more} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t.check.showFewer : t.check.showAll(items.length - SHOWN_PER_CHECK)}
        </Button>
      )}
    </div>
  );
}

/** A report's errors or warnings: a heading with the count, then one group per check. Nothing when there are none. */
export function SeverityGroup(props: {
  findings: Finding[];
  severity: 'error' | 'warning' | 'verified';
  /** the report's heading id and index (the ids and keys below start from them) */
  headingId: string;
  reportIndex: number;
  formatId: string;
  focus: FindingFocus;
}): React.JSX.Element | null {
  const { t } = useStrings();
  const styles = useStyles();
  const { findings: list, severity } = props;
  if (list.length === 0) return null;
  return (
    <>
      <h4 className={styles.groupHeading} id={`${props.headingId}-${severity}s`}>
        {severity === 'error' ? t.check.errors(list.length) : severity === 'warning' ? t.check.warnings(list.length) : t.check.verifiedHeading(list.length)}
      </h4>
      <div className={styles.checkGroup} data-testid={`group-${severity}`}>
        {byCheck(list).map(([checkId, items]) => (
          <CheckGroup
            key={checkId}
            groupKey={`${props.reportIndex}-${severity}-${checkId}`}
            checkId={checkId}
            items={items}
            formatId={props.formatId}
            focus={props.focus}
          />
        ))}
      </div>
    </>
  );
}
