import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { calendarNotice, uncertainYears } from '../../../src/core/app/calendar-notice.ts';
import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar.ts';
import { t } from '../../../src/core/i18n/catalogue.ts';
import { createTestApp, kst, runUntil } from '../../fakes/app-harness.ts';

/** The seed round moved to another window (local times of the committee). */
function windowIn(opens: string, closes: string) {
  return {
    messengers: [new LocalMessenger()],
    now: kst(opens),
    mutateRound: (round: { window: { opens: string; closes: string } }) => {
      round.window = { opens, closes };
    },
  };
}

describe('GIVEN the seed round', () => {
  it('WHEN its window is in 2024 (an official list) THEN round show has no calendar warning', async () => {
    const t = await createTestApp({ messengers: [new LocalMessenger()] });
    const reply = await t.app.runAsOperator({ verb: 'show', roundId: '2024-1' });
    expect(reply.text).not.toContain('⚠');
  });

  it('WHEN its window is in 2029 THEN round show and round open warn that 2029 is computed', async () => {
    const t = await createTestApp(windowIn('2029-03-05 09:00', '2029-03-12 18:00'));
    const warning =
      '⚠ 2029년 공휴일은 공식 자료가 아니라 규칙으로 계산하였습니다. jamun calendar import로 공식 자료를 넣어 주시기 바랍니다.';
    const shown = await t.app.runAsOperator({ verb: 'show', roundId: '2024-1' });
    expect(shown.text.split('\n')).toContain(warning);
    const opened = await t.app.runAsOperator({ verb: 'open', roundId: '2024-1' });
    expect(opened.text.split('\n')).toContain(warning);
    expect((await t.store.getRound('2024-1'))?.status).toBe('open');
  });

  it('WHEN its window is in 2101, past every list and rule, THEN open is refused until extra_closed_days covers that year', async () => {
    const t = await createTestApp(windowIn('2101-03-07 09:00', '2101-03-14 18:00'));
    const refused = await t.app.runAsOperator({ verb: 'open', roundId: '2024-1' });
    expect(refused.text).toContain('2101년 공휴일 자료가 없어 회차를 시작하지 않았습니다');
    expect(await t.store.getRound('2024-1')).toBeNull();

    const covered = await createTestApp({
      ...windowIn('2101-03-07 09:00', '2101-03-14 18:00'),
      mutateCommittee: (committee) => {
        committee.calendar.extraClosedDays = ['2101-03-01'];
      },
    });
    const opened = await covered.app.runAsOperator({ verb: 'open', roundId: '2024-1' });
    expect(opened.text).toContain('2101년 공휴일 자료가 없어 주말만 쉬는 날로 계산합니다');
    expect((await covered.store.getRound('2024-1'))?.status).toBe('open');
  });

  it('WHEN a round in 2029 closes THEN the staff summary carries the computed-year warning', async () => {
    const local = new LocalMessenger();
    const t = await createTestApp({ ...windowIn('2029-03-05 09:00', '2029-03-12 18:00'), messengers: [local] });
    await t.app.runAsOperator({ verb: 'open', roundId: '2024-1' });
    await runUntil(t, kst('2029-03-13 09:00'));
    const summary = local.all().find((message) => message.kind === 'summary');
    expect(summary?.text).toContain('2029년 공휴일은 공식 자료가 아니라 규칙으로 계산하였습니다');
  });
});

describe('GIVEN windows across years of every kind of holiday data', () => {
  const calendar = createBusinessCalendar({ country: 'KR', extraClosedDays: [], extraWorkingDays: [] });

  it('WHEN the window spans two computed years THEN both are listed, joined as the reader writes lists', () => {
    expect(uncertainYears(calendar, '2029-12-30', '2030-01-02')).toEqual({ computed: [2029, 2030], unknown: [] });
    expect(calendarNotice(calendar, '2029-12-30', '2030-01-02', 'ko')).toEqual([
      `⚠ ${t('ko', 'calendar.computed', { years: '2029·2030' })}`,
    ]);
    expect(calendarNotice(calendar, '2029-12-30', '2030-01-02', 'en')).toEqual([
      `⚠ ${t('en', 'calendar.computed', { years: '2029, 2030' })}`,
    ]);
  });

  it('WHEN the window runs from the last computed year into an unknown one THEN one line each, computed first', () => {
    expect(uncertainYears(calendar, '2100-12-30', '2102-01-02')).toEqual({ computed: [2100], unknown: [2101, 2102] });
    expect(calendarNotice(calendar, '2100-12-30', '2102-01-02', 'en')).toEqual([
      `⚠ ${t('en', 'calendar.computed', { years: '2100' })}`,
      `⚠ ${t('en', 'calendar.unknown', { years: '2101, 2102' })}`,
    ]);
  });

  it('WHEN every year has an official list THEN there is nothing to say', () => {
    expect(uncertainYears(calendar, '2024-02-08', '2024-02-15')).toEqual({ computed: [], unknown: [] });
    expect(calendarNotice(calendar, '2024-02-08', '2024-02-15', 'ko')).toEqual([]);
  });
});
