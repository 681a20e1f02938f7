import * as React from 'react';
import { Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { FIELD_LABELS, type FieldKey } from '../../../core/messages/narrative';
import type { ReportReadiness, ReportTodo } from '../../../app/report';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: '2px' },
});

/** The 报告正文 field a pending input is written in, by its label. */
export function fieldOf(label: string): FieldKey | undefined {
  return (Object.keys(FIELD_LABELS) as FieldKey[]).find((k) => FIELD_LABELS[k] === label);
}

const MAX_ERRORS = 5;

/** The tables' open errors: the first thing the view shows when there are any. */
export function ReportErrors(props: { readiness: ReportReadiness | null }): React.JSX.Element | null {
  const { t } = useStrings();
  const styles = useStyles();
  const errors = props.readiness?.errors ?? [];
  if (!errors.length) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="report-errors">
      <MessageBarBody>
        {t.reportPane.errorsTitle(errors.length)} {t.reportPane.errorsHint}
        <ul className={styles.list}>
          {errors.slice(0, MAX_ERRORS).map((f, k) => (
            <li key={k} className={styles.item} data-testid="report-error">
              {f.message}
            </li>
          ))}
        </ul>
        {errors.length > MAX_ERRORS && t.reportPane.errorsMore(errors.length - MAX_ERRORS)}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * 尚未填写, above the preview: each input not given (a link to its field in the form below) and each
 * figure that is not a number (a link that selects its cell), then the drafts left unedited.
 */
export function ReportTodos(props: {
  readiness: ReportReadiness | null;
  onInput: (key: FieldKey) => void;
  onCell?: (todo: ReportTodo) => void;
}): React.JSX.Element | null {
  const { t } = useStrings();
  const styles = useStyles();
  const r = props.readiness;
  if (!r) return null;
  const n = r.missingInputs.length + r.pendingFigures.length;
  return (
    <>
      {n > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="report-todos">
          <MessageBarBody>
            {t.reportPane.todoTitle(n)}
            <ul className={styles.list}>
              {r.missingInputs.map((todo, k) => {
                const key = fieldOf(todo.label);
                return (
                  <li key={`i${k}`} className={styles.item} data-testid="todo-input">
                    {t.reportPane.inputTodo(todo.label)}{' '}
                    {key && (
                      <Link as="button" onClick={() => props.onInput(key)} data-field={key}>
                        {t.reportPane.goToInput}
                      </Link>
                    )}
                  </li>
                );
              })}
              {r.pendingFigures.map((todo, k) => (
                <li key={`f${k}`} className={styles.item} data-testid="todo-figure">
                  {t.reportPane.figureTodo(todo.label, todo.address ? `${todo.sheet}!${todo.address}` : '—')}{' '}
                  {todo.address && props.onCell && (
                    <Link as="button" onClick={() => props.onCell?.(todo)}>
                      {t.reportPane.goToCell}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {r.drafts.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="report-drafts">
          <MessageBarBody>{t.reportPane.draftsNote(r.drafts.map((d) => d.label).join('、'))}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
