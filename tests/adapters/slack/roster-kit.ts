/**
 * Driving `/jamun members` on the fake Slack as a person would (issue 12):
 * the slash command, a click on the roster's add or remove button, and the
 * modal submitted with a person picked in Slack's `users_select`. Shared by
 * the roster tests and the end-to-end tests of issue 12 ("add a member with
 * the picker").
 */
import { expect } from 'vitest';
import { ROSTER_BLOCK, VIEW_ROSTER_MEMBER, VIEW_ROSTER_REMOVE } from '../../../src/adapters/slack/slack-ids.ts';
import type { Args, FakeSlackServer } from '../../fakes/slack/fake-slack-server.ts';
import { buttonClick, slashCommand, viewSubmission } from '../../fakes/slack/slack-payloads.ts';
import { waitFor } from './wait-for.ts';

const STAFF_CHANNEL = 'C0STAFFCH1';

/** `/jamun members [COMMITTEE]` by `userId`; resolves with the replies once the last has buttons or is a refusal. */
export async function membersCommand(fake: FakeSlackServer, userId: string, committeeId = ''): Promise<Args[]> {
  const payload = slashCommand(fake, userId, `members ${committeeId}`.trim(), STAFF_CHANNEL);
  expect(await fake.sendEnvelope('slash_commands', payload)).toEqual({});
  const id = String(payload.response_url).split('/').pop();
  return waitFor(() => {
    const bodies = fake.responses.filter((r) => r.id === id).map((r) => r.body);
    return bodies.length > 0 && bodies;
  }, `replies to /jamun members ${committeeId}`);
}

/** The value of a roster button (`jamun.roster.add` / `.remove`) in the replies. */
function rosterButtonValue(replies: Args[], actionId: string): string {
  for (const reply of replies) {
    for (const block of (reply.blocks ?? []) as Array<{ type: string; elements?: Args[] }>) {
      const found = block.elements?.find((e) => e.action_id === actionId);
      if (found) return String(found.value);
    }
  }
  throw new Error(`no ${actionId} button in the replies`);
}

/** What staff type in the member modal besides the person (blank: left out). */
export interface MemberFields {
  name?: string;
  role?: string;
  timeZone?: string;
}

function typed(value: string | undefined): Args {
  return { value: { type: 'plain_text_input', value: value ?? null } };
}

/**
 * Clicks the roster's button `actionId` and submits the modal it opens with
 * `pickedUserId` chosen in the user picker; resolves with Slack's ack (the
 * result view, or `errors`).
 */
export async function submitRosterModal(
  fake: FakeSlackServer,
  staffId: string,
  replies: Args[],
  action: 'add' | 'remove',
  pickedUserId: string,
  fields: MemberFields = {},
): Promise<Args> {
  const actionId = action === 'add' ? 'jamun.roster.add' : 'jamun.roster.remove';
  const callbackId = action === 'add' ? VIEW_ROSTER_MEMBER : VIEW_ROSTER_REMOVE;
  const before = fake.views.length;
  const value = rosterButtonValue(replies, actionId);
  await fake.sendEnvelope('interactive', buttonClick(fake, staffId, actionId, value, { channel: STAFF_CHANNEL }));
  const view = await waitFor(
    () => fake.views.slice(before).find((v) => v.view.callback_id === callbackId),
    `the ${callbackId} modal`,
  );
  const values: Record<string, Args> = {
    [ROSTER_BLOCK.user]: { value: { type: 'users_select', selected_user: pickedUserId } },
  };
  if (action === 'add') {
    values[ROSTER_BLOCK.name] = typed(fields.name);
    values[ROSTER_BLOCK.role] = typed(fields.role);
    values[ROSTER_BLOCK.timeZone] = typed(fields.timeZone);
  }
  return fake.sendEnvelope('interactive', viewSubmission(fake, staffId, view, values));
}

/** `/jamun members` then the add modal with `pickedUserId`: "add a member with the picker" in one call. */
export async function addMemberWithPicker(
  fake: FakeSlackServer,
  staffId: string,
  committeeId: string,
  pickedUserId: string,
  fields: MemberFields = {},
): Promise<Args> {
  return submitRosterModal(
    fake,
    staffId,
    await membersCommand(fake, staffId, committeeId),
    'add',
    pickedUserId,
    fields,
  );
}
