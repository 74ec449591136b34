/**
 * The running bot: one discord.js client (gateway + REST) shared by the
 * messenger and the inbound handlers. Intents: Guilds (slash commands in the
 * staff guild, role ids) and DirectMessages; DM text is readable without the
 * privileged MessageContent intent. `Partials.Channel` lets DMs arrive
 * although their channel was never cached.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, type Interaction, type Message } from 'discord.js';
import type { JamunApi } from '../../core/app/inbound.ts';
import type { Logger } from '../../core/ports/logger.ts';
import { decodeAuthoringId } from './authoring-ids.ts';
import { decodeCustomId } from './custom-ids.ts';
import { AUTHORING_SUBCOMMANDS, AuthoringHandlers } from './handlers-authoring.ts';
import { NO_MENTIONS } from './discord-formatter.ts';
import { DISCORD_INTERACTION } from './discord-limits.ts';
import { DiscordMessenger } from './discord-messenger.ts';
import type { DiscordSettings } from './discord-settings.ts';
import { isFollowUpModal } from './handlers-follow-up.ts';
import { MemberHandlers } from './handlers-member.ts';
import { StaffHandlers } from './handlers-staff.ts';
import { RosterHandlers } from './handlers-roster.ts';
import { decodeRosterId } from './roster-components.ts';

/**
 * Time discord.js adds to a bucket's reset before it sends on that route again (its default: 50 ms). It
 * counts the reset from when the response arrived, a network trip after Discord computed it, so the next
 * request cannot reach Discord before the reset; 10 ms covers the header's millisecond rounding. The
 * default cost 50 ms on each of the 40 windows of a 1,000-member fan-out (25 DM opens a second): 2 s, 5%.
 */
const REST_RESET_OFFSET_MS = 10;

/** A discord.js client configured for jamun. */
function createDiscordClient(settings: DiscordSettings): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: {
      api: settings.apiUrl,
      retries: settings.rest?.retries ?? 3,
      timeout: settings.rest?.timeoutMs ?? 15_000,
      offset: REST_RESET_OFFSET_MS,
    },
  });
  return client;
}

export class DiscordBot {
  readonly client: Client;
  readonly messenger: DiscordMessenger;
  #app: JamunApi | null = null;
  readonly #member: MemberHandlers;
  readonly #staff: StaffHandlers;
  readonly #roster: RosterHandlers;
  readonly #authoring: AuthoringHandlers;

  constructor(
    private readonly settings: DiscordSettings,
    private readonly logger: Logger,
  ) {
    this.client = createDiscordClient(settings);
    this.messenger = new DiscordMessenger(this.client, logger);
    const app = (): JamunApi => {
      if (!this.#app) throw new Error('discord adapter used before attach(app)');
      return this.#app;
    };
    this.#member = new MemberHandlers(app, logger);
    this.#staff = new StaffHandlers(app);
    this.#roster = new RosterHandlers(app);
    this.#authoring = new AuthoringHandlers(app);
    this.client.on(
      Events.InteractionCreate,
      (interaction) => void this.#guard('interaction', () => this.#onInteraction(interaction)),
    );
    this.client.on(Events.MessageCreate, (message) => void this.#guard('message', () => this.#onMessage(message)));
    this.client.on(Events.Error, (error) => this.logger.error({ name: error.name }, 'discord client error'));
  }

  /** Connects the inbound side to the application. Call before `start()`. */
  attach(app: JamunApi): void {
    this.#app = app;
  }

  /**
   * Logs in and resolves once the gateway session is ready. The messenger
   * needs this too (discord.js opens DMs as the logged-in user). Inbound
   * events that arrive before `attach` are logged and dropped.
   */
  async start(): Promise<void> {
    const ready = once(this.client, Events.ClientReady);
    await this.client.login(this.settings.token);
    await ready;
    this.logger.info({ user: this.client.user?.id }, 'discord bot ready');
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  async #guard(kind: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.logger.error(
        {
          kind,
          name: error instanceof Error ? error.name : 'unknown',
          message: error instanceof Error ? error.message : '',
        },
        'discord handler failed',
      );
    }
  }

  async #onInteraction(interaction: Interaction): Promise<void> {
    if (!this.#app) {
      this.logger.warn({ type: interaction.type }, 'discord interaction before the app was attached');
      return;
    }
    // Acted on once, by whichever instance got it first: a gateway resume or a second
    // connection during a fail-over may deliver it again. Its token lives 15 minutes.
    if (!(await this.#app.firstSeen(`discord:interaction:${interaction.id}`, DISCORD_INTERACTION.tokenValidMs))) {
      this.logger.warn({ interaction: interaction.id }, 'discord interaction seen before; ignored');
      return;
    }
    if (interaction.isChatInputCommand() && interaction.commandName === 'jamun') {
      if (AUTHORING_SUBCOMMANDS.has(interaction.options.getSubcommand(false) ?? ''))
        return this.#authoring.onCommand(interaction);
      return this.#staff.onCommand(interaction);
    }
    if (interaction.isAutocomplete() && interaction.commandName === 'jamun')
      return this.#staff.onAutocomplete(interaction);
    // `/jamun members`: the roster's buttons and modals (`jr|…`).
    const roster = interaction.isButton() || interaction.isModalSubmit() ? decodeRosterId(interaction.customId) : null;
    if (roster && interaction.isButton()) return this.#roster.onButton(interaction, roster);
    if (roster && interaction.isModalSubmit()) return this.#roster.onModal(interaction, roster);
    if (interaction.isButton() || interaction.isStringSelectMenu()) {
      const authoring = decodeAuthoringId(interaction.customId);
      if (authoring) return this.#authoring.onComponent(interaction, authoring);
    }
    if (interaction.isModalSubmit()) {
      const authoring = decodeAuthoringId(interaction.customId);
      if (authoring) return this.#authoring.onModal(interaction, authoring);
    }
    if (interaction.isButton()) {
      const action = decodeCustomId(interaction.customId);
      if (action) return this.#member.onButton(interaction, action);
    }
    if (interaction.isModalSubmit()) {
      if (isFollowUpModal(interaction.customId)) return this.#staff.onFollowUpModal(interaction);
      const action = decodeCustomId(interaction.customId);
      if (action) return this.#member.onModal(interaction, action);
    }
  }

  async #onMessage(message: Message): Promise<void> {
    if (message.author.bot || message.inGuild() || message.content.trim() === '') return;
    if (!this.#app) {
      this.logger.warn({}, 'discord DM before the app was attached');
      return;
    }
    if (!(await this.#app.firstSeen(`discord:message:${message.id}`, DISCORD_INTERACTION.tokenValidMs))) {
      this.logger.warn({ message: message.id }, 'discord DM seen before; ignored');
      return;
    }
    await this.#member.onDirectMessage(message);
  }
}
