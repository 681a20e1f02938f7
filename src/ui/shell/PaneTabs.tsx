import * as React from 'react';
import { makeStyles, mergeClasses, tokens, useFocusFinders } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  tab: {
    position: 'relative',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    background: 'transparent',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalM,
      right: tokens.spacingHorizontalM,
      bottom: 0,
      height: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

/**
 * The views' tabs, WAI-ARIA tabs with a roving tabindex: Tab reaches the selected tab, the arrow
 * keys (Home, End) move to another and show it. Written here rather than with Fluent's TabList,
 * whose focus helper puts focusable aria-hidden elements in the tab list (axe: aria-hidden-focus).
 */
export function PaneTabs<Id extends string>(props: {
  ids: readonly Id[];
  labels: Record<Id, string>;
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
  /** the panel a tab shows, when it is in the page (aria-controls must name an element that exists) */
  controls: (id: Id) => string | undefined;
  className?: string;
}): React.JSX.Element {
  const styles = useStyles();
  // holds the page's focus helper (tabster) for the pane's lifetime, as Fluent's TabList did: a dialog
  // closing must not dispose it with the page still aria-hidden behind the dialog
  useFocusFinders();
  const { ids, selected } = props;
  const refs = React.useRef(new Map<Id, HTMLButtonElement>());
  const move = (from: Id, key: string): void => {
    const i = ids.indexOf(from);
    const next =
      key === 'ArrowRight' || key === 'ArrowDown'
        ? ids[(i + 1) % ids.length]
        : key === 'ArrowLeft' || key === 'ArrowUp'
          ? ids[(i - 1 + ids.length) % ids.length]
          : key === 'Home'
            ? ids[0]
            : key === 'End'
              ? ids[ids.length - 1]
              : undefined;
    if (next === undefined) return;
    props.onSelect(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} aria-orientation="horizontal" className={mergeClasses(styles.list, props.className)}>
      {ids.map((id) => (
        <button
          key={id}
          ref={(el) => {
            if (el) refs.current.set(id, el);
            else refs.current.delete(id);
          }}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-controls={props.controls(id)}
          aria-selected={id === selected}
          tabIndex={id === selected ? 0 : -1}
          className={mergeClasses(styles.tab, id === selected && styles.selected)}
          onClick={() => props.onSelect(id)}
          onKeyDown={(e) => {
            if (['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) {
              e.preventDefault();
              move(id, e.key);
            }
          }}
        >
          {props.labels[id]}
        </button>
      ))}
    </div>
  );
}
