/**
 * Staff slash commands (`/jamun <verb>`) and round-id autocomplete, passed
 * to the core with the caller's guild role ids; the core decides who is
 * staff, refuses and audits. Replies are ephemeral where the core says so.
 */
import {
  GuildMember,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type {
  ExportFormat,
  JamunApi,
  ReportFormat,
  StaffCommand,
  StaffReply,
  StaffVerb,
} from '../../core/app/inbound.ts';
import { STAFF_VERBS } from '../../core/app/inbound.ts';
import type { Actor, Locale } from '../../core/model.ts';
import { NO_MENTIONS } from './discord-formatter.ts';
import { dt } from './discord-texts.ts';
import { FollowUpHandlers } from './handlers-follow-up.ts';
import { answerInteraction, type InteractionAnswer } from './interaction-reply.ts';
import { rosterButtons } from './roster-components.ts';

/** Discord shows at most 25 autocomplete choices. */
const MAX_CHOICES = 25;

type CommandInteraction = ChatInputCommandInteraction | AutocompleteInteraction | ModalSubmitInteraction;

/** The staff actor: user id plus the role ids they hold in the guild (of a command, a button or a modal). */
export function staffActor(interaction: Pick<CommandInteraction, 'member' | 'user' | 'guildId'>): Actor {
  const member = interaction.member;
  const roleIds = member instanceof GuildMember ? [...member.roles.cache.keys()] : (member?.roles ?? []);
  return {
    platform: 'discord',
    userId: interaction.user.id,
    roleIds: roleIds.filter((id) => id !== interaction.guildId),
    displayName: interaction.user.username,
  };
}

function isVerb(name: string): name is StaffVerb {
  return (STAFF_VERBS as readonly string[]).includes(name);
}

/** The core command of a `/jamun` interaction. */
function commandOf(interaction: ChatInputCommandInteraction): StaffCommand | null {
  const verb = interaction.options.getSubcommand(false);
  if (!verb || !isVerb(verb)) return null;
  const roundId = interaction.options.getString('round');
  const until = interaction.options.getString('until');
  const format = interaction.options.getString('format');
  const member = interaction.options.getString('member');
  const committeeId = interaction.options.getString('committee');
  return {
    verb,
    ...(roundId ? { roundId } : {}),
    ...(until ? { until } : {}),
    ...(format && verb === 'report' ? { reportFormat: format as ReportFormat } : {}),
    ...(format && verb !== 'report' ? { format: format as ExportFormat } : {}),
    ...(member ? { member } : {}),
    ...(committeeId ? { committeeId } : {}),
  };
}

/** Staff verbs whose work can outlast Discord's 3 s (store writes per member, compiling, uploading). */
const WORK_VERBS: ReadonlySet<StaffCommand['verb']> = new Set([
  'open',
  'close',
  'summary',
  'export',
  'report',
  'remind',
  'reload',
]);

export class StaffHandlers {
  readonly #followUp: FollowUpHandlers;

  constructor(private readonly app: () => JamunApi) {
    this.#followUp = new FollowUpHandlers(app);
  }

  async onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    // Synthesis and actions: their own options, and a form (handlers-follow-up.ts).
    const verb = interaction.options.getSubcommand(false);
    if (verb === 'synthesis' || verb === 'action')
      return this.#followUp.onCommand(interaction, staffActor(interaction));
    const command = commandOf(interaction) ?? { verb: 'help' as const };
    const actor = staffActor(interaction);
    await answerInteraction(
      interaction,
      async () => {
        const [reply, locale] = await Promise.all([
          this.app().runStaffCommand(actor, command),
          this.app().localeOf(actor),
        ]);
        if (reply.filesByDm && reply.files && reply.files.length > 0) return sendFilesByDm(interaction, reply, locale);
        return {
          text: reply.text,
          ephemeral: reply.ephemeral,
          locale,
          ...(reply.files ? { files: reply.files } : {}),
          // A roster (`members`) ends with its add and remove buttons.
          ...(reply.roster ? { components: rosterButtons(reply.roster) } : {}),
        };
      },
      // Verbs that do work acknowledge first and report as a follow-up.
      WORK_VERBS.has(command.verb) ? 0 : undefined,
    );
  }

  /** A submitted synthesis or action form. */
  async onFollowUpModal(interaction: ModalSubmitInteraction): Promise<void> {
    await this.#followUp.onModal(interaction, staffActor(interaction));
  }

  async onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    // Round ids are staff business: others get no suggestions.
    if (focused.name !== 'round' || !(await this.app().isStaff(staffActor(interaction)))) {
      await interaction.respond([]);
      return;
    }
    const ids = await this.app().roundIds(String(focused.value));
    await interaction.respond(ids.slice(0, MAX_CHOICES).map((id) => ({ name: id, value: id })));
  }
}

/**
 * Files that hold personal data (the result report) go to the requester's
 * DM, never on a message in the channel the command was typed in; the
 * (private) reply says where they went, or why they could not.
 */
async function sendFilesByDm(
  interaction: ChatInputCommandInteraction,
  reply: StaffReply,
  locale: Locale,
): Promise<InteractionAnswer> {
  const files = reply.files ?? [];
  const names = files.map((f) => f.name).join(', ');
  try {
    await interaction.user.send({
      content: reply.text,
      files: files.map((f) => ({ attachment: f.content, name: f.name, contentType: f.mimeType })),
      allowedMentions: NO_MENTIONS,
    });
    return { text: dt(locale, 'discord.report.sentByDm', { names }), ephemeral: true, locale };
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 100) : 'error';
    return { text: dt(locale, 'discord.report.dmFailed', { reason }), ephemeral: true, locale };
  }
}
