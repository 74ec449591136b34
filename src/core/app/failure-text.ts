/**
 * Staff-readable text of a delivery failure reason: `code` or `code: detail`,
 * the code's words from the catalogue (`staff.failure.<code>`), the detail
 * kept in brackets. A code the catalogue does not know is shown as it is.
 */
import { isMessageKey, t } from '../i18n/catalogue.ts';
import type { Locale } from '../model.ts';

export function failureText(reason: string | undefined, locale: Locale): string {
  if (!reason) return '';
  const [code, ...detail] = reason.split(':');
  const key = `staff.failure.${code}`;
  if (!isMessageKey(key)) return reason;
  return t(locale, key) + (detail.length ? ` (${detail.join(':').trim()})` : '');
}
