/**
 * The committee file, `config/committees/<anything>.yaml`. Keys are
 * snake_case in YAML and map to the camelCase {@link Committee} model.
 *
 * ```yaml
 * id: regional-coprosperity          # required, letters (any script), digits, . _ -
 * name: 지역상생발전위원회              # required
 * time_zone: Asia/Seoul              # IANA zone, default Asia/Seoul
 * locale: ko                         # ko (default) | en
 * staff:                             # who may run staff commands
 *   discord: ['100000000000000001']  # Discord user ids (quoted)
 *   slack: [U01STAFF01]              # Slack user ids
 *   local: [staff-son]               # local messenger user ids
 *   discord_roles: ['...']           # Discord role ids whose holders are staff
 * staff_channel:                     # where summaries and progress go
 *   discord: '...'
 *   slack: C01STAFF01
 *   local: staff
 * honorarium: { amount: 100000, currency: KRW }   # default 0 KRW (none)
 * calendar:
 *   country: KR                      # date-holidays country, default KR
 *   region: BY                       # optional subdivision
 *   extra_closed_days: [2024-04-10]  # YYYY-MM-DD
 *   extra_working_days: []
 *   quiet_hours: { start: '21:00', end: '08:00' }  # default 21:00–08:00
 *   remind_on_closed_days: false     # default false
 * members:                           # at least one
 *   - id: m-kang
 *     name: 강도영
 *     role: 민간전문가                  # optional
 *     discord: '100000000000000101'  # per-platform ids, each optional
 *     slack: U01KANG001
 *     local: m-kang
 *     time_zone: Asia/Seoul          # optional override
 *     locale: ko                     # optional override
 *     active: true                   # default true
 * office: …                         # optional, see schema-office.ts
 * withholding: …                    # optional, see schema-office.ts
 * ```
 *
 * Checks that span several keys (duplicate ids, shared platform ids,
 * regions) live in `check-committee.ts`.
 */
import { z } from 'zod';
import type { Committee, Member, Platform, PlatformIds } from '../core/model.ts';
import { isSupportedCountry } from '../core/calendar/index.ts';
import { DEFAULT_WITHHOLDING } from '../core/report/withholding.ts';
import { officeSchema, withholdingSchema } from './schema-office.ts';
import {
  discordIdSchema,
  idSchema,
  localDateSchema,
  localeSchema,
  slackChannelIdSchema,
  slackUserIdSchema,
  textSchema,
  timeOfDaySchema,
  timeZoneSchema,
} from './schema-primitives.ts';

/** Committee time zone when `time_zone` is omitted. */
const DEFAULT_TIME_ZONE = 'Asia/Seoul';
/** Holiday country when `calendar.country` is omitted. */
const DEFAULT_COUNTRY = 'KR';
/** No reminders between these local times unless configured otherwise. */
const DEFAULT_QUIET_HOURS = { start: '21:00', end: '08:00' } as const;

/** Per-platform user-id schemas, shared by members and staff. */
const PLATFORM_USER_ID = {
  discord: discordIdSchema,
  slack: slackUserIdSchema,
  local: textSchema,
} as const satisfies Record<Platform, z.ZodType<string>>;

function compactPlatforms<T>(record: Partial<Record<Platform, T | undefined>>): Partial<Record<Platform, T>> {
  const out: Partial<Record<Platform, T>> = {};
  for (const [platform, value] of Object.entries(record) as Array<[Platform, T | undefined]>) {
    if (value !== undefined) out[platform] = value;
  }
  return out;
}

const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isSupportedCountry, {
    error: (issue) => `unknown holiday country '${String(issue.input)}' (expected an ISO 3166-1 code such as KR)`,
  });

const calendarSchema = z.strictObject({
  country: countrySchema.default(DEFAULT_COUNTRY),
  region: textSchema.optional(),
  extra_closed_days: z.array(localDateSchema).default([]),
  extra_working_days: z.array(localDateSchema).default([]),
  quiet_hours: z.strictObject({ start: timeOfDaySchema, end: timeOfDaySchema }).default({ ...DEFAULT_QUIET_HOURS }),
  remind_on_closed_days: z.boolean().default(false),
});

const memberSchema = z
  .strictObject({
    id: idSchema,
    name: textSchema,
    role: textSchema.optional(),
    discord: PLATFORM_USER_ID.discord.optional(),
    slack: PLATFORM_USER_ID.slack.optional(),
    local: PLATFORM_USER_ID.local.optional(),
    time_zone: timeZoneSchema.optional(),
    locale: localeSchema.optional(),
    active: z.boolean().default(true),
  })
  .transform((m): Member => {
    const platforms: PlatformIds = compactPlatforms({ discord: m.discord, slack: m.slack, local: m.local });
    const member: Member = { id: m.id, name: m.name, platforms, active: m.active };
    if (m.role !== undefined) member.role = m.role;
    if (m.time_zone !== undefined) member.timeZone = m.time_zone;
    if (m.locale !== undefined) member.locale = m.locale;
    return member;
  });

const staffSchema = z.strictObject({
  discord: z.array(PLATFORM_USER_ID.discord).optional(),
  slack: z.array(PLATFORM_USER_ID.slack).optional(),
  local: z.array(PLATFORM_USER_ID.local).optional(),
  discord_roles: z.array(discordIdSchema).default([]),
});

const staffChannelSchema = z.strictObject({
  discord: discordIdSchema.optional(),
  slack: slackChannelIdSchema.optional(),
  local: textSchema.optional(),
});

const honorariumSchema = z.strictObject({
  amount: z.number().nonnegative().finite(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency code such as KRW' })
    .default('KRW'),
});

/** Parses one committee file's content (already read from YAML) into a {@link Committee}. */
export const committeeSchema = z
  .strictObject({
    id: idSchema,
    name: textSchema,
    time_zone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
    locale: localeSchema.default('ko'),
    staff: staffSchema.prefault({}),
    staff_channel: staffChannelSchema.default({}),
    honorarium: honorariumSchema.optional(),
    calendar: calendarSchema.prefault({}),
    members: z.array(memberSchema).min(1, { error: 'must list at least one member' }),
    office: officeSchema.optional(),
    withholding: withholdingSchema.optional(),
  })
  .transform(
    (c): Committee => ({
      id: c.id,
      name: c.name,
      timeZone: c.time_zone,
      locale: c.locale,
      staff: {
        userIds: compactPlatforms({ discord: c.staff.discord, slack: c.staff.slack, local: c.staff.local }),
        discordRoleIds: c.staff.discord_roles,
      },
      staffChannels: compactPlatforms(c.staff_channel),
      honorarium: c.honorarium ?? { amount: 0, currency: 'KRW' },
      calendar: {
        country: c.calendar.country,
        ...(c.calendar.region === undefined ? {} : { region: c.calendar.region }),
        extraClosedDays: c.calendar.extra_closed_days,
        extraWorkingDays: c.calendar.extra_working_days,
        quietHours: { start: c.calendar.quiet_hours.start, end: c.calendar.quiet_hours.end },
        remindOnClosedDays: c.calendar.remind_on_closed_days,
      },
      members: c.members,
      ...(c.office === undefined ? {} : { office: c.office }),
      withholding: c.withholding ?? DEFAULT_WITHHOLDING,
    }),
  );

type Expect<T extends true> = T;
/** Compile-time guard: the schema's output must stay assignable to the model. @public */
export type CommitteeSchemaMatchesModel = Expect<z.output<typeof committeeSchema> extends Committee ? true : false>;
