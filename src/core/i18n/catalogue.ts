/**
 * The one message catalogue. Sections live in `sections/`; each defines the
 * same keys in Korean and English. `t` fills `{placeholders}`.
 */
import type { DomainError } from '../errors.ts';
import type { Locale } from '../model.ts';
import { type ParticlePair, particle } from './particle.ts';
import { authoringTexts } from './sections/authoring.ts';
import { authoringChatTexts } from './sections/authoring-chat.ts';
import { authoringDiscordTexts } from './sections/authoring-discord.ts';
import { calendarTexts } from './sections/calendar.ts';
import { certaintyTexts } from './sections/certainty.ts';
import { changeTexts } from './sections/changes.ts';
import { discordTexts } from './sections/discord.ts';
import { errorTexts } from './sections/errors.ts';
import { followUpTexts } from './sections/follow-up.ts';
import { reportTexts } from './sections/report.ts';
import { rosterTexts } from './sections/roster.ts';
import { memberTexts } from './sections/member.ts';
import { slackTexts } from './sections/slack.ts';
import { slackAuthoringTexts } from './sections/slack-authoring.ts';
import { staffTexts } from './sections/staff.ts';
import { summaryTexts } from './sections/summary.ts';
import { summaryDigestTexts } from './sections/summary-digest.ts';

const catalogue = {
  ko: {
    ...errorTexts.ko,
    ...memberTexts.ko,
    ...staffTexts.ko,
    ...summaryTexts.ko,
    ...summaryDigestTexts.ko,
    ...slackTexts.ko,
    ...slackAuthoringTexts.ko,
    ...discordTexts.ko,
    ...calendarTexts.ko,
    ...certaintyTexts.ko,
    ...reportTexts.ko,
    ...changeTexts.ko,
    ...authoringTexts.ko,
    ...authoringChatTexts.ko,
    ...authoringDiscordTexts.ko,
    ...followUpTexts.ko,
    ...rosterTexts.ko,
  },
  en: {
    ...errorTexts.en,
    ...memberTexts.en,
    ...staffTexts.en,
    ...summaryTexts.en,
    ...summaryDigestTexts.en,
    ...slackTexts.en,
    ...slackAuthoringTexts.en,
    ...discordTexts.en,
    ...calendarTexts.en,
    ...certaintyTexts.en,
    ...reportTexts.en,
    ...changeTexts.en,
    ...authoringTexts.en,
    ...authoringChatTexts.en,
    ...authoringDiscordTexts.en,
    ...followUpTexts.en,
    ...rosterTexts.en,
  },
};

/** Every key of the catalogue. */
export type MessageKey = keyof (typeof catalogue)['ko'];

/** Values for placeholders. */
export type MessageParams = Record<string, string | number>;

/**
 * The text of `key` in `locale`, placeholders filled. A missing param stays visible as `{name}`.
 *
 * Two forms beyond `{name}` keep grammar out of the call sites:
 * - `{name|이/가}` writes the Korean particle the value's last syllable takes
 *   (`「{title}」{title|이/가}`: no `은(는)` templates);
 * - `{name|one|other}` writes `one` when the value is 1, else `other`
 *   (`{days} business {days|day|days}`).
 * Neither writes the value itself.
 */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template: string = catalogue[locale][key];
  return template.replace(/\{(\w+)(?:\|([^|}]*)(?:\|([^}]*))?)?\}/g, (whole, name: string, a?: string, b?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (a === undefined) return String(value);
    if (b !== undefined) return Number(value) === 1 ? a : b;
    return particle(String(value), a as ParticlePair);
  });
}

/** The member- or staff-facing text of a domain error. */
export function describeError(error: DomainError, locale: Locale): string {
  return t(locale, error.code, localiseParams(error.params, locale));
}

/** Params that carry a code (a round status, a lifecycle action) are shown in the reader's words. */
function localiseParams(params: MessageParams, locale: Locale): MessageParams {
  const out: MessageParams = { ...params };
  const lookup = (key: string): string | undefined => (catalogue[locale] as Record<string, string>)[key];
  if (typeof params.status === 'string') out.status = lookup(`staff.status.${params.status}`) ?? params.status;
  if (typeof params.action === 'string') out.action = lookup(`action.${params.action}`) ?? params.action;
  // Rounds are named by title; a caller that only knew the id still says something true.
  if (out.roundTitle === undefined && params.roundId !== undefined) out.roundTitle = params.roundId;
  return out;
}

/** Whether `key` is in the catalogue: for keys built from a code, such as a delivery failure reason. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue.ko, key);
}

/** All keys, for tests that check both languages are complete. */
export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(catalogue[locale]);
}
