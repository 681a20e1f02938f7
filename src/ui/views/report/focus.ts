import type { FieldKey } from '../../../core/messages/narrative';

/** Moves the focus (and the scroll) to a field of the 报告正文 form: where 尚未填写's link goes. */
export function focusField(key: FieldKey): void {
  const box = document.querySelector<HTMLElement>(`[data-profile-field="${key}"]`);
  const control = box?.querySelector<HTMLElement>('input, textarea, select');
  control?.scrollIntoView?.({ block: 'center' });
  control?.focus();
}
