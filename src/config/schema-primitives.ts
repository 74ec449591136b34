/**
 * Leaf value schemas shared by the committee and round files. Each carries
 * its own message so an operator sees what shape was expected.
 */
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { LOCALES, type Locale } from '../core/model.ts';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;

/**
 * Longest id: ids travel inside platform ids (a Discord `custom_id` holds 100
 * characters, `jm|declineReason||` plus the round id; a question id plus `#n`
 * names a modal input), so 64 keeps every one of them within its limit.
 */
const MAX_ID_LENGTH = 64;

/**
 * Ids typed in staff commands: letters of any script (Hangul too) and digits,
 * plus '.', '_' and '-'; no spaces, nothing a shell or a chat would mangle.
 * Normalised to NFC, so an id typed on a Mac (NFD) is the same id.
 */
export const idSchema = z
  .string()
  .transform((value) => value.normalize('NFC'))
  .pipe(
    z
      .string()
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}._-]*$/u, {
        error:
          "must start with a letter or digit and contain only letters (any script, e.g. 한글), digits, '.', '_' or '-' (no spaces)",
      })
      .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters` }),
  );

/** A non-empty, trimmed text. */
export const textSchema = z.string().trim().min(1);

/** `HH:mm`, 24-hour clock. */
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY, { error: 'must be a time HH:mm (e.g. 09:30)' });

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'UTC' }).isValid;
}

/** `YYYY-MM-DD HH:mm` or `YYYY-MM-DDTHH:mm` → `YYYY-MM-DDTHH:mm`, or null when not a real date-time. */
export function normaliseLocalDateTime(value: string): string | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match || !TIME_OF_DAY.test(match[2] ?? '')) return null;
  const normalised = `${match[1]}T${match[2]}`;
  return DateTime.fromFormat(normalised, "yyyy-MM-dd'T'HH:mm", { zone: 'UTC' }).isValid ? normalised : null;
}

/** A calendar day `YYYY-MM-DD` that exists (2024-02-30 does not). */
export const localDateSchema = z.string().superRefine((value, ctx) => {
  if (!LOCAL_DATE.test(value)) ctx.addIssue({ code: 'custom', message: 'must be a date YYYY-MM-DD', input: value });
  else if (!isLocalDate(value)) ctx.addIssue({ code: 'custom', message: `${value} is not a real date`, input: value });
});

/** A wall-clock date-time, `YYYY-MM-DD HH:mm` or `YYYY-MM-DDTHH:mm`, normalised to the `T` form. */
export const localDateTimeSchema = z.string().transform((value, ctx) => {
  const normalised = normaliseLocalDateTime(value);
  if (normalised !== null) return normalised;
  const shapeOk = LOCAL_DATE_TIME.test(value);
  ctx.issues.push({
    code: 'custom',
    message: shapeOk ? `${value} is not a real date-time` : 'must be a local date-time YYYY-MM-DD HH:mm',
    input: value,
  });
  return z.NEVER;
});

/**
 * An IANA time zone (`Asia/Seoul`), validated with luxon and normalised to
 * its canonical spelling (`asia/seoul` → `Asia/Seoul`).
 */
export const timeZoneSchema = z.string().transform((value, ctx) => {
  if (!IANAZone.isValidZone(value)) {
    ctx.issues.push({
      code: 'custom',
      message: `unknown time zone '${value}' (expected an IANA zone such as Asia/Seoul)`,
      input: value,
    });
    return z.NEVER;
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
});

/** `ko` or `en`. */
export const localeSchema = z.enum(LOCALES as unknown as [Locale, ...Locale[]]);

/** A Discord snowflake (user, role, channel or guild id). */
export const discordIdSchema = z
  .string()
  .regex(/^\d{17,20}$/, { error: 'must be a Discord id of 17 to 20 digits, in quotes' });

/** A Slack user id (`U…` or, on Enterprise Grid, `W…`). */
export const slackUserIdSchema = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,}$/, { error: 'must be a Slack user id such as U0123ABCD' });

/** A Slack conversation id (`C…` public, `G…` private). */
export const slackChannelIdSchema = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,}$/, { error: 'must be a Slack channel id such as C0123ABCD' });
