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
    '& h1': { fontSize: tokens.fontSizeBase400 },
    '& h2': { fontSize: tokens.fontSizeBase300 },
    '& h3': { fontSize: tokens.fontSizeBase200 },
  },
});

/** 预览: the report as generated (`html` from previewHtml: every text escaped, no script, handler or external asset). */
export function ReportPreview(props: { html: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3">{UI.preview}</Subtitle2>
      <div className={styles.preview} data-testid="report-preview" dangerouslySetInnerHTML={{ __html: props.html }} />
    </>
  );
}
