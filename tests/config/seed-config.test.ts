import { describe, expect, it } from 'vitest';
import { loadConfig, type LoadedConfig } from '../../src/config/load-config.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/config/schema-round.ts';
import { windowInstants } from '../../src/config/window-instants.ts';

function loadSeed(): LoadedConfig {
  const result = loadConfig('config');
  if (!result.ok) throw new Error(`seed config invalid: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('GIVEN the shipped seed config', () => {
  const seed = loadSeed();
  const committee = seed.committees[0];
  const round = seed.rounds[0];

  it('THEN it loads one committee and one round, without warnings', () => {
    expect(seed.committees.map((c) => c.id)).toEqual(['regional-coprosperity']);
    expect(seed.rounds.map((r) => r.id)).toEqual(['2024-1']);
    expect(seed.dir).toBe('config');
    expect(seed.warnings).toEqual([]);
  });

  it('THEN the committee is 지역상생발전위원회 in Asia/Seoul, Korean, KR calendar, 100,000 KRW', () => {
    expect(committee).toMatchObject({
      name: '지역상생발전위원회',
      timeZone: 'Asia/Seoul',
      locale: 'ko',
      honorarium: { amount: 100000, currency: 'KRW' },
      calendar: {
        country: 'KR',
        extraClosedDays: [],
        extraWorkingDays: [],
        quietHours: { start: '21:00', end: '08:00' },
        remindOnClosedDays: false,
      },
    });
    expect(committee?.staff.userIds.local).toContain('staff-son');
    expect(committee?.staffChannels).toHaveProperty('discord');
    expect(committee?.staffChannels).toHaveProperty('slack');
  });

  it('THEN it has the 7 outside experts of the report, active, reachable on every platform', () => {
    expect(committee?.members.map((m) => m.name)).toEqual([
      '강도영',
      '김정환',
      '박종범',
      '박주영',
      '오영은',
      '채정훈',
      '최예술',
    ]);
    for (const member of committee?.members ?? []) {
      expect(member.role).toBe('민간전문가');
      expect(member.active).toBe(true);
      expect(member.platforms.discord).toMatch(/^\d{17,20}$/);
      expect(member.platforms.slack).toMatch(/^U/);
      expect(member.platforms.local).toBe(member.id);
    }
  });

  it('THEN the round has item 1 with 4 questions and item 2 (넥스트로컬) with 3, all long text', () => {
    expect(round?.committeeId).toBe('regional-coprosperity');
    expect(round?.agenda.map((a) => [a.id, a.title, a.questions.map((q) => q.id)])).toEqual([
      ['1', '서울시 지역상생교류 추진', ['1.1', '1.2', '1.3', '1.4']],
      ['2', "'24년 지역연계형 청년 창업 지원사업(넥스트로컬)", ['2.1', '2.2', '2.3']],
    ]);
    const questions = round?.agenda.flatMap((a) => a.questions) ?? [];
    expect(questions.every((q) => q.kind === 'long_text' && q.required && q.maxLength === 4000)).toBe(true);
    expect(questions[5]?.prompt).toBe('지역 내 긍정적 파급효과를 측정할 수 있는 정량적 성과목표 제안');
  });

  it('THEN it is attributed, closes strictly, and uses the default reminder policy', () => {
    expect(round?.anonymous).toBe(false);
    expect(round?.allowLate).toBe(false);
    expect(round?.reminders).toEqual(DEFAULT_REMINDER_POLICY);
  });

  it('THEN the window is 2024-02-08 09:00 to 2024-02-15 18:00 Seoul time, i.e. 00:00Z and 09:00Z', () => {
    expect(round?.window).toEqual({ opens: '2024-02-08T09:00', closes: '2024-02-15T18:00' });
    if (!round || !committee) throw new Error('seed incomplete');
    const { opensAt, closesAt } = windowInstants(round, committee);
    expect(opensAt.toISOString()).toBe('2024-02-08T00:00:00.000Z');
    expect(closesAt.toISOString()).toBe('2024-02-15T09:00:00.000Z');
  });
});
