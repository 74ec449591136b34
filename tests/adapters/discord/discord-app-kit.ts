/**
 * The whole application on the seed configuration, reached through the real
 * Discord adapter and the fake Discord, plus helpers that play members and
 * staff: press a button, fill and submit a modal, run a slash command.
 */
import type { Committee, RoundDefinition } from '../../../src/core/model.ts';
import { createTestApp, seedConfig, type TestApp } from '../../fakes/app-harness.ts';
import { waitFor } from '../../fakes/discord/fake-discord.ts';
import type { FakeInteraction, FakeMessage } from '../../fakes/discord/fake-discord-state.ts';
import { type DiscordKit, startDiscordKit } from './discord-test-kit.ts';

export interface DiscordAppKit extends DiscordKit {
  t: TestApp;
  committee: Committee;
  staffChannelId: string;
  close(): Promise<void>;
}

/** Starts fake Discord (guild with the seed staff channel and role), adapter and app. */
export async function startDiscordApp(
  options: { mutateCommittee?: (c: Committee) => void; mutateRound?: (r: RoundDefinition) => void } = {},
): Promise<DiscordAppKit> {
  const seed = seedConfig().committees[0];
  if (!seed) throw new Error('seed committee missing');
  options.mutateCommittee?.(seed);
  const staffChannelId = seed.staffChannels.discord ?? '';
  const kit = await startDiscordKit({
    guild: {
      channels: [{ id: staffChannelId, name: 'staff' }],
      roles: seed.staff.discordRoleIds.map((id) => ({ id, name: 'secretariat' })),
    },
  });
  const t = await createTestApp({
    messengers: [kit.adapter.messenger],
    ...(options.mutateCommittee ? { mutateCommittee: options.mutateCommittee } : {}),
    ...(options.mutateRound ? { mutateRound: options.mutateRound } : {}),
  });
  kit.adapter.attach(t.app);
  const committee = t.committees[0];
  if (!committee) throw new Error('committee missing');
  return {
    ...kit,
    t,
    committee,
    staffChannelId,
    close: async () => {
      await kit.close();
      await t.store.close();
    },
  };
}

/** Discord user id of seed member `memberId`. */
export function discordIdOf(committee: Committee, memberId: string): string {
  const id = committee.members.find((m) => m.id === memberId)?.platforms.discord;
  if (!id) throw new Error(`no discord id for ${memberId}`);
  return id;
}

interface ButtonJson {
  custom_id?: string;
  label?: string;
}

/** Custom ids of the buttons under a message. */
export function buttonsOf(message: FakeMessage): ButtonJson[] {
  return (message.components as Array<{ components?: ButtonJson[] }>).flatMap((row) => row.components ?? []);
}

/** The newest DM message with a button whose custom id starts with `prefix` (e.g. `jm|open|`). */
function latestButton(kit: DiscordAppKit, userId: string, prefix: string): { message: FakeMessage; customId: string } {
  const messages = [...kit.fake.dmMessages(userId)].reverse();
  for (const message of messages) {
    const button = buttonsOf(message).find((b) => b.custom_id?.startsWith(prefix));
    if (button?.custom_id) return { message, customId: button.custom_id };
  }
  throw new Error(`no button ${prefix} for ${userId}`);
}

/** Waits until the bot answered the interaction (modal, autocomplete or a message with content). */
export async function answered(interaction: FakeInteraction): Promise<FakeInteraction> {
  await waitFor(
    () =>
      interaction.callbacks.some((c) => c.type === 9 || c.type === 8) ||
      interaction.messages.some((m) => m.content !== ''),
    `answer to interaction ${interaction.id}`,
  );
  return interaction;
}

/** Presses the newest button with `prefix` in the user's DM and waits for the answer. */
export async function press(kit: DiscordAppKit, userId: string, prefix: string): Promise<FakeInteraction> {
  const { message, customId } = latestButton(kit, userId, prefix);
  return answered(kit.fake.clickButton(userId, message, customId));
}

interface ModalJson {
  custom_id: string;
  title: string;
  components: Array<{
    label: string;
    component: {
      custom_id: string;
      type: number;
      value?: string;
      options?: Array<{ value: string; default?: boolean }>;
    };
  }>;
}

/** The modal a button press opened. */
export function modalOf(interaction: FakeInteraction): ModalJson {
  const callback = interaction.callbacks.find((c) => c.type === 9);
  if (!callback?.data) throw new Error('no modal shown');
  return callback.data as unknown as ModalJson;
}

/** Submits `modal` as Discord would: every field, prefilled values unless overridden. */
export async function submit(
  kit: DiscordAppKit,
  userId: string,
  modal: ModalJson,
  values: Record<string, string | string[]>,
): Promise<FakeInteraction> {
  const fields: Record<string, string | string[]> = {};
  for (const { component } of modal.components) {
    const id = component.custom_id;
    const prefilled =
      component.type === 3
        ? (component.options ?? []).filter((o) => o.default).map((o) => o.value)
        : (component.value ?? '');
    fields[id] = values[id] ?? prefilled;
  }
  return answered(kit.fake.submitModal(userId, modal.custom_id, fields));
}

/** Text of the bot's answer to an interaction. */
export function replyText(interaction: FakeInteraction): string {
  return interaction.messages.map((m) => m.content).join('\n');
}

/** Presses the button `customId` of an (ephemeral) reply in the staff channel; resolves once the message changed. */
export async function pressInStaffChannel(
  kit: DiscordAppKit,
  userId: string,
  message: FakeMessage,
  customId: string,
): Promise<FakeInteraction> {
  const edits = message.edits;
  const click = kit.fake.clickButton(userId, message, customId, { channelId: kit.staffChannelId });
  await waitFor(
    () =>
      message.edits > edits ||
      click.callbacks.some((c) => c.type === 9) ||
      click.messages.some((m) => m.content !== ''),
    `answer to ${customId}`,
  );
  return click;
}

/**
 * Staff run `/jamun open ROUND` in the staff channel, read the confirmation
 * (members, business days, reminders) and press Open. Returns the
 * confirmation's text and the text the message shows after.
 */
export async function openBySlash(
  kit: DiscordAppKit,
  roundId: string,
): Promise<{ confirmation: string; opened: string }> {
  const staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
  const ask = await answered(
    kit.fake.slash(staffId, { subcommand: 'open', options: { round: roundId } }, { channelId: kit.staffChannelId }),
  );
  const message = ask.messages[0];
  const confirm = message && buttonsOf(message).find((b) => b.custom_id?.startsWith('ja|confirm|'))?.custom_id;
  if (!message || !confirm) throw new Error(`no Open button: ${replyText(ask)}`);
  const confirmation = message.content;
  await pressInStaffChannel(kit, staffId, message, confirm);
  return { confirmation, opened: message.content };
}

/** Staff open `roundId` by slash command in the staff channel (confirming); the invitations go out. */
export async function openRound(kit: DiscordAppKit, roundId: string): Promise<void> {
  await openBySlash(kit, roundId);
  await kit.t.app.runDueJobs();
}
