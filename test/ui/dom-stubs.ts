/** What jsdom lacks and Fluent UI uses. Import first in every pane test. */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// browsers have TextDecoder (GB18030 included); jest's jsdom environment does not expose Node's
if (typeof g.TextDecoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  g.TextDecoder = (require('util') as typeof import('util')).TextDecoder;
}
// nor TextEncoder (the ExcelJS port's preflight makes one when it loads; docx and ECharts use it)
if (typeof g.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  g.TextEncoder = (require('util') as typeof import('util')).TextEncoder;
}

export {};

// the machine running the tests is shared and slow; role queries over Fluent's DOM take time
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('@testing-library/react') as typeof import('@testing-library/react')).configure({ asyncUtilTimeout: 8000 });
