/** Staff-readable text of a delivery failure reason. */
import { t } from '../i18n/catalogue.ts';
import type { Locale } from '../model.ts';

const KNOWN: Record<string, { ko: string; en: string }> = {
  dm_closed: { ko: 'DM 수신 차단 또는 서버 탈퇴', en: 'DMs closed or left the server' },
  user_not_found: { ko: '사용자를 찾을 수 없음', en: 'user not found' },
  account_inactive: { ko: '비활성 계정', en: 'account inactive' },
  cannot_dm_bot: { ko: '봇 계정에는 DM 불가', en: 'cannot DM a bot account' },
  channel_not_found: { ko: '채널을 찾을 수 없음', en: 'channel not found' },
  forbidden: { ko: '권한 없음', en: 'not permitted' },
  rate_limited: { ko: '전송 한도 초과', en: 'rate limited' },
  platform_error: { ko: '메신저 오류', en: 'platform error' },
  network_error: { ko: '네트워크 오류', en: 'network error' },
};

export function failureText(reason: string | undefined, locale: Locale): string {
  if (!reason) return '';
  if (reason === 'no_platform') return t(locale, 'staff.failure.no_platform');
  if (reason === 'exhausted') return t(locale, 'staff.failure.exhausted');
  if (reason === 'uncertain') return t(locale, 'staff.failure.uncertain');
  const [code = '', ...detail] = reason.split(':');
  const known = KNOWN[code];
  return known ? known[locale] + (detail.length ? ` (${detail.join(':').trim()})` : '') : reason;
}
