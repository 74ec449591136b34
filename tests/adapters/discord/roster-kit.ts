/**
 * Driving `/jamun members` on the fake Discord as a person would (issue 12):
 * the slash command in the staff channel, a press of the roster's add or
 * remove button, and the modal submitted with a person picked in Discord's
 * user select (type 5). Shared by the roster tests and the end-to-end tests
 * of issue 12 ("add a member with the picker").
 */
import type { FakeInteraction } from '../../fakes/discord/fake-discord-state.ts';
import { type DiscordAppKit, answered, buttonsOf, modalOf } from './discord-app-kit.ts';

/** `/jamun members [committee]` by `userId` in the staff channel; resolves once answered. */
export function membersCommand(
  kit: DiscordAppKit,
  userId: string,
  committeeId?: string,
  roleIds: string[] = [],
): Promise<FakeInteraction> {
  return answered(
    kit.fake.slash(
      userId,
      { subcommand: 'members', ...(committeeId ? { options: { committee: committeeId } } : {}) },
      { channelId: kit.staffChannelId, roleIds },
    ),
  );
}

/** What staff type in the member modal besides the person (blank: left out). */
export interface MemberFields {
  name?: string;
  role?: string;
  timeZone?: string;
}

/**
 * Presses the roster reply's add (or remove) button and submits the modal it
 * opens with `pickedUserId` in the user select; resolves with the answer.
 */
export async function submitRosterModal(
  kit: DiscordAppKit,
  staffId: string,
  reply: FakeInteraction,
  action: 'add' | 'remove',
  pickedUserId: string,
  fields: MemberFields = {},
  roleIds: string[] = [],
): Promise<FakeInteraction> {
  const message = reply.messages.find((m) => buttonsOf(m).some((b) => b.custom_id?.startsWith(`jr|${action}|`)));
  const customId = message && buttonsOf(message).find((b) => b.custom_id?.startsWith(`jr|${action}|`))?.custom_id;
  if (!message || !customId) throw new Error(`no ${action} button under the roster`);
  const where = { channelId: kit.staffChannelId, roleIds };
  const pressed = await answered(kit.fake.clickInGuild(staffId, message, customId, where));
  const modal = modalOf(pressed);
  const texts: Record<string, string> =
    action === 'add' ? { name: fields.name ?? '', role: fields.role ?? '', tz: fields.timeZone ?? '' } : {};
  return answered(kit.fake.submitUserSelectModal(staffId, modal.custom_id, texts, { user: [pickedUserId] }, where));
}

/** `/jamun members` then the add modal with `pickedUserId`: "add a member with the picker" in one call. */
export async function addMemberWithPicker(
  kit: DiscordAppKit,
  staffId: string,
  committeeId: string,
  pickedUserId: string,
  fields: MemberFields = {},
): Promise<FakeInteraction> {
  return submitRosterModal(kit, staffId, await membersCommand(kit, staffId, committeeId), 'add', pickedUserId, fields);
}
