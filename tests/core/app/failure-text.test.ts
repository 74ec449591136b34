import { describe, expect, it } from 'vitest';
import { failureText } from '../../../src/core/app/failure-text.ts';

/** Every reason a platform adapter or the job runner records, in both languages. */
const WORDS: Array<[reason: string, ko: string, en: string]> = [
  ['dm_closed', 'DM 수신 차단 또는 서버 탈퇴', 'DMs closed or left the server'],
  ['user_not_found', '사용자를 찾을 수 없음', 'user not found'],
  ['account_inactive', '비활성 계정', 'account inactive'],
  ['cannot_dm_bot', '봇 계정에는 DM 불가', 'cannot DM a bot account'],
  ['channel_not_found', '채널을 찾을 수 없음', 'channel not found'],
  ['forbidden', '권한 없음', 'not permitted'],
  ['rate_limited', '전송 한도 초과', 'rate limited'],
  ['platform_error', '메신저 오류', 'platform error'],
  ['network_error', '네트워크 오류', 'network error'],
  ['no_platform', '연결된 메신저 계정 없음', 'no messenger account configured'],
  ['exhausted', '여러 차례 다시 보냈으나 전달 실패', 'failed after several retries'],
  ['unreadable', '읽을 수 없음(자료 경로 확인 필요)', 'could not be read (check its path)'],
];

describe('failureText', () => {
  it.each(WORDS)('GIVEN %s THEN staff read it in Korean and in English', (reason, ko, en) => {
    expect(failureText(reason, 'ko')).toBe(ko);
    expect(failureText(reason, 'en')).toBe(en);
  });

  it('GIVEN a platform error with a detail THEN the detail follows in brackets, trimmed', () => {
    expect(failureText('platform_error: HTTP 502', 'ko')).toBe('메신저 오류 (HTTP 502)');
    expect(failureText('network_error:ECONNRESET ', 'en')).toBe('network error (ECONNRESET)');
    expect(failureText('network_error: connect ECONNREFUSED 10.0.0.1:443', 'en')).toBe(
      'network error (connect ECONNREFUSED 10.0.0.1:443)',
    );
  });

  it('GIVEN an empty reason, or a code the catalogue does not know (even one an object has) THEN nothing, or the reason as it is', () => {
    expect(failureText('', 'en')).toBe('');
    expect(failureText('toString', 'en')).toBe('toString');
    expect(failureText('staff: x', 'en')).toBe('staff: x');
  });
});
