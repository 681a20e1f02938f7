import * as React from 'react';

/**
 * The pane's file picking: a hidden <input type="file"> opened by one of our buttons. The picked
 * file goes to `onPick`; the input is cleared, so picking the same file again is seen again.
 */
export function useFilePicker(options: {
  accept: string;
  testId: string;
  onPick: (file: File) => void;
}): { open: () => void; input: React.JSX.Element } {
  const ref = React.useRef<HTMLInputElement>(null);
  const { accept, testId, onPick } = options;
  const input = (
    <input
      ref={ref}
      type="file"
      accept={accept}
      style={{ display: 'none' }}
      data-testid={testId}
      tabIndex={-1}
      aria-hidden="true"
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onPick(file);
      }}
    />
  );
  return { open: () => ref.current?.click(), input };
}
