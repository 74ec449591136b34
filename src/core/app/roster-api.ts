/**
 * What adapters call to show and change a committee's roster in chat
 * (`/jamun members`, issue 12): the platform's own user picker gives the
 * person, the core does the rest (checks, defaults from the profile,
 * storing, auditing, today's mid-round rules). Implemented by roster-service.ts.
 */
import type { Result } from '../errors.ts';
import type { Actor, Locale, Member, Platform } from '../model.ts';

/** Whether a member's DM works, from what earlier sends learned. */
export type Reachability = 'works' | 'closed' | 'unknown' | 'none';

/** One member as `/jamun members` lists them. */
export interface RosterMemberView {
  member: Member;
  /** The member's zone in force (theirs, else the committee's). */
  timeZone: string;
  reach: Reachability;
  /** For `closed`: the last delivery error, in staff's words. */
  reachReason?: string;
  /** Added or changed in chat (a stored roster entry), not as the committee file has it. */
  fromChat: boolean;
}

/** A committee's roster, for `/jamun members` and the pickers. */
export interface RosterView {
  committeeId: string;
  committeeName: string;
  locale: Locale;
  timeZone: string;
  members: RosterMemberView[];
  /** Conflicts between the committee file and chat edits, as staff read them. */
  conflicts: string[];
}

/** A person picked with the platform's user picker, and what staff typed about them (blank: keep or default). */
export interface MemberInput {
  platform: Platform;
  userId: string;
  name?: string;
  role?: string;
  /** IANA zone; blank: the profile's (Slack), else the committee's, or what the member had. */
  timeZone?: string;
}

/** What a roster change answers: the text for staff, and the member as stored. */
export interface RosterChange {
  text: string;
  member: Member;
  locale: Locale;
}

/** The calls chat makes to show and change rosters; staff of the committee only, refusals audited. */
export interface RosterApi {
  /** The roster of `committeeId` (none: the one committee the actor is staff of). */
  rosterView(actor: Actor, committeeId?: string): Promise<Result<RosterView>>;
  /** Adds the picked person to the committee, or changes the member they are (also re-appoints a removed one). */
  setMember(actor: Actor, committeeId: string, input: MemberInput): Promise<Result<RosterChange>>;
  /** Removes (deactivates) the member the picked person is; running rounds follow reconcile-membership's rules. */
  removeMember(
    actor: Actor,
    committeeId: string,
    user: { platform: Platform; userId: string },
  ): Promise<Result<RosterChange>>;
}
