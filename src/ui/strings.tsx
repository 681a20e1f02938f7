import * as React from 'react';
import type { UiLocale, UiStrings } from '../core/messages/ui';
import { uiStrings } from '../core/messages/ui';

const StringsContext = React.createContext<{ locale: UiLocale; t: UiStrings }>({ locale: 'zh', t: uiStrings('zh') });

export function StringsProvider(props: { locale: UiLocale; children: React.ReactNode }): React.JSX.Element {
  const value = React.useMemo(() => ({ locale: props.locale, t: uiStrings(props.locale) }), [props.locale]);
  return <StringsContext.Provider value={value}>{props.children}</StringsContext.Provider>;
}

export function useStrings(): { locale: UiLocale; t: UiStrings } {
  return React.useContext(StringsContext);
}
