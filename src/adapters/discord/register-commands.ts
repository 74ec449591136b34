/**
 * The `/jamun` slash command (one subcommand per staff verb) and its
 * registration. Guild registration shows at once; global takes up to an hour.
 */
import {
  InteractionContextType,
  REST,
  Routes,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { STAFF_VERBS, type StaffVerb } from '../../core/app/inbound.ts';
import type { DiscordSettings } from './discord-settings.ts';
import { type DiscordTextKey, dt } from './discord-texts.ts';

/** Korean by default (the project's default), English for English clients. */
function describe<
  T extends { setDescription(d: string): T; setDescriptionLocalizations(l: Record<string, string>): T },
>(builder: T, key: DiscordTextKey): T {
  const en = dt('en', key);
  return builder.setDescription(dt('ko', key)).setDescriptionLocalizations({ 'en-US': en, 'en-GB': en });
}

const NEEDS_NO_ROUND: readonly StaffVerb[] = ['help', 'list', 'reload', 'members'];
/** Verbs whose round comes first and is required (Discord wants required options first). */
const ROUND_FIRST: readonly StaffVerb[] = ['synthesis', 'action'];
const ACTION_OPS = ['list', 'add', 'edit', 'done', 'drop', 'reopen'] as const;

/** The options of `synthesis` (round, item) and `action` (round, op, number, text). */
function followUpOptions(verb: StaffVerb, sub: SlashCommandSubcommandBuilder): void {
  sub.addStringOption((o) => describe(o.setName('round'), 'discord.opt.round').setRequired(true).setAutocomplete(true));
  if (verb === 'synthesis') {
    sub.addStringOption((o) => describe(o.setName('item'), 'discord.opt.item').setRequired(true).setMaxLength(64));
    return;
  }
  sub.addStringOption((o) =>
    describe(o.setName('op'), 'discord.opt.op').addChoices(...ACTION_OPS.map((op) => ({ name: op, value: op }))),
  );
  sub.addIntegerOption((o) => describe(o.setName('number'), 'discord.opt.number').setMinValue(1));
  sub.addStringOption((o) => describe(o.setName('text'), 'discord.opt.text').setMaxLength(500));
}

function subcommand(verb: StaffVerb, sub: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  describe(sub.setName(verb), `discord.cmd.${verb}`);
  if (ROUND_FIRST.includes(verb)) {
    followUpOptions(verb, sub);
    return sub;
  }
  // Discord requires required options before optional ones.
  if (verb === 'extend')
    sub.addStringOption((o) => describe(o.setName('until'), 'discord.opt.until').setRequired(true).setMaxLength(16));
  if (verb === 'export') {
    sub.addStringOption((o) =>
      describe(o.setName('format'), 'discord.opt.format')
        .setRequired(true)
        .addChoices({ name: 'CSV', value: 'csv' }, { name: 'Markdown', value: 'md' }, { name: 'JSON', value: 'json' }),
    );
  }
  if (verb === 'report') {
    sub.addStringOption((o) =>
      describe(o.setName('format'), 'discord.opt.format').addChoices(
        { name: 'DOCX (Word, 한컴오피스)', value: 'docx' },
        { name: 'XLSX (Excel)', value: 'xlsx' },
        { name: 'PDF', value: 'pdf' },
        { name: 'Markdown', value: 'md' },
      ),
    );
  }
  if (verb === 'members')
    sub.addStringOption((o) => describe(o.setName('committee'), 'discord.opt.committee').setMaxLength(64));
  if (verb === 'resend')
    sub.addStringOption((o) => describe(o.setName('member'), 'discord.opt.member').setRequired(true).setMaxLength(100));
  if (!NEEDS_NO_ROUND.includes(verb)) {
    sub.addStringOption((o) =>
      describe(o.setName('round'), 'discord.opt.round')
        .setRequired(verb === 'open')
        .setAutocomplete(true),
    );
  }
  return sub;
}

/** The round form's subcommands (issue 12; `open` is a staff verb and asks to confirm). */
function authoringSubcommand(
  name: 'new' | 'import' | 'template' | 'edit' | 'preview',
  sub: SlashCommandSubcommandBuilder,
) {
  describe(sub.setName(name), `discord.cmd.${name}`);
  if (name === 'import')
    sub.addAttachmentOption((o) => describe(o.setName('file'), 'discord.opt.file').setRequired(true));
  if (name === 'edit' || name === 'preview') {
    sub.addStringOption((o) =>
      describe(o.setName('round'), 'discord.opt.round').setRequired(true).setAutocomplete(true),
    );
  }
  return sub;
}

/** The JSON of the `/jamun` command with every staff verb as a subcommand. */
function jamunCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const command = describe(new SlashCommandBuilder().setName('jamun'), 'discord.cmd.jamun').setContexts(
    InteractionContextType.Guild,
  );
  for (const verb of STAFF_VERBS) command.addSubcommand((sub) => subcommand(verb, sub));
  for (const name of ['new', 'import', 'template', 'edit', 'preview'] as const) {
    command.addSubcommand((sub) => authoringSubcommand(name, sub));
  }
  return command.toJSON();
}

/**
 * Registers (overwrites) the bot's commands: in one guild when `guildId` is
 * given (instant), else globally. Returns how many commands Discord holds.
 */
export async function registerDiscordCommands(
  settings: DiscordSettings,
  options: { guildId?: string } = {},
): Promise<number> {
  const rest = new REST({
    api: settings.apiUrl,
    retries: settings.rest?.retries ?? 3,
    timeout: settings.rest?.timeoutMs ?? 15_000,
  }).setToken(settings.token);
  const guildId = options.guildId ?? settings.guildId;
  const route = guildId
    ? Routes.applicationGuildCommands(settings.applicationId, guildId)
    : Routes.applicationCommands(settings.applicationId);
  const registered = (await rest.put(route, { body: [jamunCommand()] })) as unknown[];
  return registered.length;
}
