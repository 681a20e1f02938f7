import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useStrings } from '../strings';

import type { ConfirmProps } from './ConfirmDialog';

/** The Fluent dialog of ConfirmDialog (loaded when there is a question to ask). */
export function ConfirmSurface(props: ConfirmProps): React.JSX.Element {
  const { t } = useStrings();
  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => (!d.open ? props.onCancel() : undefined)}>
      <DialogSurface aria-describedby={props.id}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent id={props.id}>{props.children}</DialogContent>
          <DialogActions fluid>
            {props.choices.map((c) => (
              <Button key={c.label} appearance={c.primary ? 'primary' : 'secondary'} onClick={c.onClick} data-testid={c.testId}>
                {c.label}
              </Button>
            ))}
            <Button onClick={props.onCancel}>{t.common.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
