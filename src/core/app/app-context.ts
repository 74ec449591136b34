/**
 * What every application service shares: the ports, the config indexed for
 * lookups, and small helpers to resolve people and rounds.
 */
import { createBusinessCalendar, type BusinessCalendar, type HolidaySource } from '../calendar/index.ts';
import { err, ok, type Result } from '../errors.ts';
import type { Actor, Committee, Locale, Member, Platform, RosterEntry, Round, RoundDefinition } from '../model.ts';
import { type Claimants, leaseOnlyClaimants } from '../ports/claimants.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConfigSource } from '../ports/config-source.ts';
import type { Logger } from '../ports/logger.ts';
import type { MemberAddress, Messenger } from '../ports/messenger.ts';
import type { ReportRenderer } from '../report/report-model.ts';
import type { RoundCodec } from '../ports/round-codec.ts';
import type { Store } from '../ports/store.ts';
import { formatOfficialDate } from '../time.ts';
import { overlayRoster, type RosterConflict } from './roster-overlay.ts';

/** The ports and config an app is built from. */
export interface AppDeps {
  store: Store;
  /** In order of preference: a member is reached on the first platform they have an id for. */
  messengers: Messenger[];
  committees: Committee[];
  rounds: RoundDefinition[];
  clock: Clock;
  logger: Logger;
  /**
   * This process as it claims jobs and sends, and how to tell that another
   * claimant's process is gone. Default: a fresh id, claims end by lease only.
   */
  claimants?: Claimants;
  /** Called when work became due now (so a scheduler can run it without waiting for its tick). */
  onWorkDue?: () => void;
  /** Public holidays with the deployment's imported lists (default: the shipped lists and the rules). */
  holidays?: HolidaySource;
  /** Reads the configuration again for `/jamun reload` and SIGHUP (none: reload says to restart). */
  configSource?: ConfigSource;
  /** Renders the result report for `/jamun report` (none: the command says to use the CLI). */
  renderReport?: ReportRenderer;
  /** Reads rounds from chat forms and uploaded files by the round file's rules (issue 12; none: authoring in chat is off). */
  roundCodec?: RoundCodec;
}

/** Deadline texts remembered by `when` before the memory starts again (a few per round and zone). */
const WHEN_TEXTS_KEPT = 1_000;

/** A member of a committee, as resolved from a platform user. */
export interface MemberRef {
  committee: Committee;
  member: Member;
}

export class AppContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly claimants: Claimants;
  readonly configSource: ConfigSource | undefined;
  readonly renderReport: ReportRenderer | undefined;
  readonly roundCodec: RoundCodec | undefined;
  /** Committees as they work: the files' with the roster changes staff made in chat laid over (see roster-overlay.ts). */
  readonly committees = new Map<string, Committee>();
  #fileCommittees: readonly Committee[] = [];
  #rosterEntries: readonly RosterEntry[] = [];
  #rosterConflicts: RosterConflict[] = [];
  /** The roster entries the lookups were built with; the constructor builds them with none. */
  #rosterVersion = rosterVersion([]);
  /** Every round definition not yet opened or opened: round files and stored drafts (a stored draft wins an id both have). */
  readonly definitions = new Map<string, RoundDefinition>();
  #fileRounds: readonly RoundDefinition[] = [];
  #storedDrafts: readonly RoundDefinition[] = [];
  readonly messengers = new Map<Platform, Messenger>();
  readonly #calendars = new Map<string, BusinessCalendar>();
  readonly #membersByUser = new Map<string, MemberRef[]>();
  readonly #whenTexts = new Map<string, string>();
  readonly #onWorkDue: () => void;
  readonly #holidays: HolidaySource | undefined;

  constructor(deps: AppDeps) {
    this.store = deps.store;
    this.clock = deps.clock;
    this.logger = deps.logger;
    this.claimants =
      deps.claimants ?? leaseOnlyClaimants(`app:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 10)}`);
    this.#onWorkDue = deps.onWorkDue ?? (() => {});
    this.#holidays = deps.holidays;
    this.configSource = deps.configSource;
    this.renderReport = deps.renderReport;
    this.roundCodec = deps.roundCodec;
    for (const m of deps.messengers) this.messengers.set(m.platform, m);
    this.reconfigure(deps.committees, deps.rounds);
  }

  /** Takes committees and round definitions (at start, and again on a reload): every lookup is rebuilt. */
  reconfigure(committees: readonly Committee[], rounds: readonly RoundDefinition[]): void {
    this.#fileCommittees = [...committees];
    this.#calendars.clear();
    this.#rebuildCommittees();
    this.#fileRounds = [...rounds];
    this.#rebuildDefinitions();
  }

  /**
   * Reads the roster changes staff made in chat (issue 12) from the store
   * again and lays them over the committee files: at start, after a reload,
   * and before staff commands (another instance or the CLI may have written).
   */
  async refreshRoster(): Promise<void> {
    const entries = await this.store.listRosterEntries();
    // Every scheduler tick reads them: rebuild the lookups only when an entry changed.
    const version = rosterVersion(entries);
    if (version === this.#rosterVersion) return;
    this.#rosterVersion = version;
    this.#rosterEntries = entries;
    this.#rebuildCommittees();
  }

  /** The committee as its file defines it, without the chat's roster changes. */
  fileCommittee(id: string): Committee | undefined {
    return this.#fileCommittees.find((c) => c.id === id);
  }

  /** Members both the file and a chat edit changed: the chat edit is used (see roster-overlay.ts). */
  rosterConflicts(): RosterConflict[] {
    return [...this.#rosterConflicts];
  }

  #rebuildCommittees(): void {
    this.committees.clear();
    this.#membersByUser.clear();
    this.#rosterConflicts = [];
    for (const file of this.#fileCommittees) {
      const { committee: c, conflicts } = overlayRoster(file, this.#rosterEntries);
      this.#rosterConflicts.push(...conflicts);
      this.committees.set(c.id, c);
      for (const member of c.members) {
        for (const [platform, userId] of Object.entries(member.platforms)) {
          if (!userId) continue;
          const key = `${platform}:${userId}`;
          this.#membersByUser.set(key, [...(this.#membersByUser.get(key) ?? []), { committee: c, member }]);
        }
      }
    }
  }

  /**
   * Reads the round drafts staff wrote in chat or imported (issue 12) from
   * the store again: another instance, or the CLI, may have saved one.
   */
  async refreshDrafts(): Promise<void> {
    this.#storedDrafts = (await this.store.listRoundDrafts()).map((d) => d.definition);
    this.#rebuildDefinitions();
  }

  /** Ids a round file and a stored draft both define: the stored draft is the one used. */
  draftConflicts(): string[] {
    const stored = new Set(this.#storedDrafts.map((d) => d.id));
    return this.#fileRounds.filter((r) => stored.has(r.id)).map((r) => r.id);
  }

  #rebuildDefinitions(): void {
    this.definitions.clear();
    for (const r of this.#fileRounds) this.definitions.set(r.id, r);
    for (const d of this.#storedDrafts) this.definitions.set(d.id, d);
  }

  now(): Date {
    return this.clock.now();
  }

  /** The language of replies not tied to one committee: the first committee's. */
  defaultLocale(): Locale {
    return this.committees.values().next().value?.locale ?? 'ko';
  }

  workDue(): void {
    this.#onWorkDue();
  }

  calendarOf(committee: Committee): BusinessCalendar {
    let calendar = this.#calendars.get(committee.id);
    if (!calendar) {
      calendar = this.#holidays
        ? createBusinessCalendar(committee.calendar, this.#holidays)
        : createBusinessCalendar(committee.calendar);
      this.#calendars.set(committee.id, calendar);
    }
    return calendar;
  }

  /** Committee members the platform user is, across committees. */
  membersOf(actor: Actor): MemberRef[] {
    return this.#membersByUser.get(`${actor.platform}:${actor.userId}`) ?? [];
  }

  committee(id: string): Committee {
    const c = this.committees.get(id);
    if (!c) throw new Error(`Committee ${id} is not in the configuration`);
    return c;
  }

  member(committeeId: string, memberId: string): Member | undefined {
    return this.committees.get(committeeId)?.members.find((m) => m.id === memberId);
  }

  async round(roundId: string): Promise<Result<Round>> {
    const round = await this.store.getRound(roundId);
    if (round) return ok(round);
    const definition = this.definitions.get(roundId);
    return definition
      ? err('ROUND.NOT_OPEN', { roundId, roundTitle: definition.title })
      : err('ROUND.NOT_FOUND', { roundId });
  }

  localeOfMember(committee: Committee, member: Member): Locale {
    return member.locale ?? committee.locale;
  }

  zoneOfMember(committee: Committee, member: Member): string {
    return member.timeZone ?? committee.timeZone;
  }

  /**
   * A deadline or time as people read it, in a zone and language. Remembered:
   * a fan-out writes the same deadline into every member's invitation.
   */
  when(at: Date, zone: string, locale: Locale): string {
    const key = `${at.getTime()} ${zone} ${locale}`;
    let text = this.#whenTexts.get(key);
    if (text === undefined) {
      if (this.#whenTexts.size >= WHEN_TEXTS_KEPT) this.#whenTexts.clear();
      text = formatOfficialDate(at, zone, locale);
      this.#whenTexts.set(key, text);
    }
    return text;
  }

  /** The messenger and address that reach this member, or null when none is configured. */
  addressOf(committee: Committee, member: Member): { messenger: Messenger; address: MemberAddress } | null {
    for (const messenger of this.messengers.values()) {
      const userId = member.platforms[messenger.platform];
      if (!userId) continue;
      return {
        messenger,
        address: {
          memberId: member.id,
          userId,
          name: member.name,
          locale: this.localeOfMember(committee, member),
          timeZone: this.zoneOfMember(committee, member),
        },
      };
    }
    return null;
  }

  /** Staff channels of the committee on the platforms that have a messenger. */
  staffChannels(committee: Committee): Array<{ messenger: Messenger; channelId: string }> {
    const out: Array<{ messenger: Messenger; channelId: string }> = [];
    for (const messenger of this.messengers.values()) {
      const channelId = committee.staffChannels[messenger.platform];
      if (channelId) out.push({ messenger, channelId });
    }
    return out;
  }

  isStaffOf(committee: Committee, actor: Actor): boolean {
    if (committee.staff.userIds[actor.platform]?.includes(actor.userId)) return true;
    if (actor.platform === 'discord' && actor.roleIds) {
      return actor.roleIds.some((r) => committee.staff.discordRoleIds.includes(r));
    }
    return false;
  }
}

/** `platform:userId`, the actor as written in the audit log. */
export function actorLabel(actor: Actor): string {
  return `${actor.platform}:${actor.userId}`;
}

/** What the committee lookups depend on of the chat's roster entries: equal strings, equal lookups. */
function rosterVersion(entries: readonly RosterEntry[]): string {
  return JSON.stringify(entries.map((e) => [e.committeeId, e.member, e.fileBase]));
}
