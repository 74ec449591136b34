import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/core/errors.ts';
import { catalogueKeys, describeError, t, type MessageKey } from '../../../src/core/i18n/catalogue.ts';
import { authoringTexts } from '../../../src/core/i18n/sections/authoring.ts';
import { authoringChatTexts } from '../../../src/core/i18n/sections/authoring-chat.ts';
import { authoringDiscordTexts } from '../../../src/core/i18n/sections/authoring-discord.ts';
import { calendarTexts } from '../../../src/core/i18n/sections/calendar.ts';
import { certaintyTexts } from '../../../src/core/i18n/sections/certainty.ts';
import { changeTexts } from '../../../src/core/i18n/sections/changes.ts';
import { discordTexts } from '../../../src/core/i18n/sections/discord.ts';
import { errorTexts } from '../../../src/core/i18n/sections/errors.ts';
import { followUpTexts } from '../../../src/core/i18n/sections/follow-up.ts';
import { reportTexts } from '../../../src/core/i18n/sections/report.ts';
import { slackAuthoringTexts } from '../../../src/core/i18n/sections/slack-authoring.ts';
import { rosterTexts } from '../../../src/core/i18n/sections/roster.ts';
import { memberTexts } from '../../../src/core/i18n/sections/member.ts';
import { slackTexts } from '../../../src/core/i18n/sections/slack.ts';
import { staffTexts } from '../../../src/core/i18n/sections/staff.ts';
import { summaryTexts } from '../../../src/core/i18n/sections/summary.ts';
import { summaryDigestTexts } from '../../../src/core/i18n/sections/summary-digest.ts';
import { LOCALES } from '../../../src/core/model.ts';

type Section = { ko: Record<string, string>; en: Record<string, string> };

/** The sections merged into the catalogue behind `t`. */
const CATALOGUE_SECTIONS: Record<string, Section> = {
  errorTexts,
  memberTexts,
  staffTexts,
  summaryTexts,
  summaryDigestTexts,
  discordTexts,
  slackTexts,
  calendarTexts,
  certaintyTexts,
  changeTexts,
  reportTexts,
  authoringTexts,
  authoringChatTexts,
  authoringDiscordTexts,
  followUpTexts,
  rosterTexts,
  slackAuthoringTexts,
};

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** The text of a catalogue key held as a plain string, placeholders left as they are. */
function catalogueText(locale: 'ko' | 'en', key: string): string {
  return t(locale, key as MessageKey);
}

describe('catalogue completeness', () => {
  it('GIVEN both locales THEN they have exactly the same keys', () => {
    expect([...catalogueKeys('en')].sort()).toEqual([...catalogueKeys('ko')].sort());
    expect(catalogueKeys('ko').length).toBeGreaterThan(0);
  });

  it('GIVEN every key THEN its Korean and English texts use the same set of placeholders', () => {
    const mismatches = catalogueKeys('ko')
      .map((key) => ({ key, ko: placeholders(catalogueText('ko', key)), en: placeholders(catalogueText('en', key)) }))
      .filter((entry) => entry.ko.join(',') !== entry.en.join(','));
    expect(mismatches).toEqual([]);
  });

  it('GIVEN every key THEN no text is blank in either locale', () => {
    const blank = LOCALES.flatMap((locale) =>
      catalogueKeys(locale)
        .filter((key) => catalogueText(locale, key).trim() === '')
        .map((key) => `${locale}:${key}`),
    );
    expect(blank).toEqual([]);
  });

  it('GIVEN every domain error code THEN both locales have a text for it', () => {
    const keys = new Set(catalogueKeys('ko'));
    const missing = ERROR_CODES.filter((code) => !keys.has(code));
    expect(missing).toEqual([]);
    for (const code of ERROR_CODES) {
      expect(t('ko', code)).not.toBe(t('en', code));
    }
  });

  it('GIVEN the catalogue sections THEN no key is defined in two of them (a later one would silently win)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, section] of Object.entries(CATALOGUE_SECTIONS)) {
      for (const key of Object.keys(section.ko)) {
        const other = seen.get(key);
        if (other) clashes.push(`${key} in ${other} and ${name}`);
        seen.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
    const sectionKeyCount = Object.values(CATALOGUE_SECTIONS).reduce((n, s) => n + Object.keys(s.ko).length, 0);
    expect(catalogueKeys('ko')).toHaveLength(sectionKeyCount);
  });
});

describe('t', () => {
  it('GIVEN params for every placeholder THEN they are filled, numbers as text', () => {
    expect(t('ko', 'staff.progress', { roundTitle: '2024년 제1차', delivered: 5, total: 7 })).toBe(
      '「2024년 제1차」 자문 요청 발송 중: 5/7명 전달',
    );
    expect(t('en', 'staff.progress', { roundTitle: '2024 first', delivered: 0, total: 7 })).toBe(
      'Sending "2024 first": 0/7 delivered',
    );
  });

  it('GIVEN a missing param THEN its placeholder stays visible', () => {
    expect(t('en', 'staff.progress', { roundTitle: 'R' })).toBe('Sending "R": {delivered}/{total} delivered');
  });

  it('GIVEN params the text does not use THEN they are ignored', () => {
    expect(t('en', 'staff.list.header', { unused: 'x' })).toBe('Rounds');
  });

  it('GIVEN a param value that looks like a placeholder THEN it is inserted literally, not filled again', () => {
    expect(t('en', 'COMMAND.USAGE', { usage: '{roundId}' })).toBe('Usage: {roundId}');
  });

  it('GIVEN a param value with regex replacement patterns THEN it is inserted literally', () => {
    expect(t('en', 'COMMAND.UNKNOWN', { verb: "$& $1 $'" })).toBe(
      'Unknown command "$& $1 $\'". Use `help` to see the commands.',
    );
  });
});

describe('t with particles and plurals', () => {
  it('GIVEN a title THEN the particle follows its last syllable, never 은(는)', () => {
    expect(t('ko', 'notice.closed', { roundTitle: "'24년 제1차 서면자문" })).toBe(
      "「'24년 제1차 서면자문」이 마감되었습니다. 참여하여 주셔서 감사합니다.",
    );
    expect(t('ko', 'notice.closed', { roundTitle: '지역상생발전위원회' })).toContain('「지역상생발전위원회」가 마감');
  });

  it('GIVEN one business day THEN English says "1 business day", else "days"', () => {
    expect(t('en', 'reminder.left.days', { days: 1 })).toBe('1 business day');
    expect(t('en', 'reminder.left.days', { days: 2 })).toBe('2 business days');
  });
});

describe('describeError', () => {
  it('GIVEN a domain error THEN it is the catalogue text of its code with its params, per locale', () => {
    const error = { code: 'ROUND.NOT_FOUND', params: { roundId: '2024-9' } } as const;
    expect(describeError(error, 'ko')).toBe(
      '"2024-9" 회차를 찾을 수 없습니다. `list`로 회차 목록을 확인하여 주시기 바랍니다.',
    );
    expect(describeError(error, 'en')).toBe('Round "2024-9" was not found. Use `list` to see the rounds.');
  });
});

describe('describeError with coded params', () => {
  it('GIVEN an invalid transition error THEN the status and action read in the reader’s language', () => {
    const error = {
      code: 'ROUND.INVALID_TRANSITION' as const,
      params: { roundId: '2024-1', status: 'closed', action: 'remind' },
    };
    expect(describeError(error, 'ko')).toBe('「2024-1」은 현재 마감됨 상태이므로 재안내할 수 없습니다.');
    expect(describeError(error, 'en')).toBe('"2024-1" is closed, so you cannot send reminders for it.');
  });
});
