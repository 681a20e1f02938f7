import * as React from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { UI } from '../../../core/messages/narrative';
import type { ReportInputs } from '../../../app/report';

const useStyles = makeStyles({
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Above the report: no 报告正文 (with 插入), or what on it could not be read. (What is still to fill in
 * is ReportTodos, with a link to each.)
 */
export function ReportNotices(props: {
  profile: ReportInputs['profile'];
  onInsertProfile: () => void;
  busy: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const { profile } = props;
  return (
    <>
      {!profile ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {UI.noProfileSheet}{' '}
            <Button size="small" appearance="primary" onClick={props.onInsertProfile} disabled={props.busy}>
              {UI.insertProfile}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : (
        profile.issues.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {UI.profileIssues}
              <ul className={styles.issues}>
                {profile.issues.map((i, k) => (
                  <li key={k}>{i.message}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )
      )}
    </>
  );
}
