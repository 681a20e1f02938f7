import * as React from 'react';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { UI } from '../../../core/messages/narrative';

const useStyles = makeStyles({
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalM,
    maxHeight: '60vh',
    overflow: 'auto',
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    '& table': { fontSize: '11px !important' },
    // the fragment's tables scroll sideways in boxes of their own; here the preview (focusable) scrolls
    // instead, so a keyboard can reach every column (axe: scrollable-region-focusable)
    '& div[style]': { overflowX: 'visible !important' as 'visible' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    '& h1': { fontSize: tokens.fontSizeBase400 },
    '& h2': { fontSize: tokens.fontSizeBase300 },
    '& h3': { fontSize: tokens.fontSizeBase200 },
  },
  title: { textAlign: 'center' },
});

/**
 * 预览: the report as generated, under its title (the fragment from previewHtml has none: a CMS page shows
 * its own). `html` escapes every text and has no script, handler or external asset.
 */
export function ReportPreview(props: { title: string; html: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3">{UI.preview}</Subtitle2>
      <div className={styles.preview} data-testid="report-preview" tabIndex={0} role="region" aria-label={UI.preview}>
        {props.title && <h1 className={styles.title}>{props.title}</h1>}
        <div dangerouslySetInnerHTML={{ __html: props.html }} />
      </div>
    </>
  );
}
