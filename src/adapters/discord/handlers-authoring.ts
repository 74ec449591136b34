/**
 * The round form on Discord (issue 12), on the core's authoring API:
 * `/jamun new` and `edit` open a modal (a modal must be the first answer, so
 * these answer at once); `import`, `template`, `preview` and `open` defer
 * first, then work. Discord modals cannot show errors under a field: a
 * form with problems is answered privately with each problem on its line
 * and a button that reopens the modal with everything that was typed (kept
 * here, in memory, for 15 minutes). Every answer is ephemeral.
 */
import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { type Authored, MAX_IMPORT_BYTES, type RoundForm } from '../../core/app/authoring-api.ts';
import type { JamunApi } from '../../core/app/inbound.ts';
import { t } from '../../core/i18n/catalogue.ts';
import type { Actor, Locale } from '../../core/model.ts';
import type { ReminderPreset } from '../../core/ports/round-codec.ts';
import type { AuthoringAction } from './authoring-ids.ts';
import { confirmRow, FIELD, parseWindowText, reopenRow, roundModal, savedDraftRows } from './authoring-views.ts';
import { DISCORD_INTERACTION } from './discord-limits.ts';
import { modalFields } from './handlers-member.ts';
import { staffActor } from './handlers-staff.ts';
import { answerInteraction, type InteractionAnswer } from './interaction-reply.ts';

/** Subcommands of `/jamun` this handler answers (`open` asks to confirm first). */
export const AUTHORING_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'new',
  'edit',
  'import',
  'template',
  'preview',
  'open',
]);

/** Typed forms kept for the reopen button; the oldest go first past this many. */
const MAX_KEPT = 200;
const PRESETS: ReadonlySet<string> = new Set(['standard', 'light', 'none', 'keep']);

/** A refusal as a private answer: its text (each problem on its line). */
function refused(result: Extract<Authored<object>, { ok: false }>): InteractionAnswer {
  return { text: result.text, ephemeral: true, locale: result.locale };
}

export class AuthoringHandlers {
  /** What staff typed in a form that had problems, by token, with who typed it and when. */
  readonly #kept = new Map<string, { userId: string; form: RoundForm; at: number }>();

  constructor(private readonly app: () => JamunApi) {}

  /** Keeps `form` for `userId` and returns its token (for the reopen button). */
  #keep(userId: string, form: RoundForm): string {
    const now = Date.now();
    for (const [token, kept] of this.#kept) {
      if (now - kept.at > DISCORD_INTERACTION.tokenValidMs || this.#kept.size >= MAX_KEPT) this.#kept.delete(token);
    }
    const token = `${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    this.#kept.set(token, { userId, form, at: now });
    return token;
  }

  async onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const sub = interaction.options.getSubcommand(false) ?? '';
    const actor = staffActor(interaction);
    const roundId = interaction.options.getString('round') ?? '';
    switch (sub) {
      case 'new':
        return this.#showForm(interaction, await this.app().blankRoundForm(actor), { kind: 'new' });
      case 'edit':
        return this.#showForm(interaction, await this.app().formForEdit(actor, roundId), { kind: 'edit' });
      case 'template':
        return answerInteraction(
          interaction,
          async () => {
            const [files, locale] = await Promise.all([this.app().templateFiles(), this.#locale(actor)]);
            return { text: t(locale, 'authoring.discord.template'), ephemeral: true, files, locale };
          },
          0,
        );
      case 'import':
        return answerInteraction(interaction, () => this.#import(interaction, actor), 0);
      case 'preview':
        return answerInteraction(interaction, () => this.#preview(actor, roundId), 0);
      default:
        return answerInteraction(interaction, () => this.#confirmation(actor, roundId), 0);
    }
  }

  /** Buttons and the reminder menu of the round form's messages. */
  async onComponent(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    action: AuthoringAction,
  ): Promise<void> {
    const actor = staffActor(interaction);
    switch (action.kind) {
      case 'retry': {
        const kept = this.#kept.get(action.arg);
        if (!kept || kept.userId !== actor.userId) {
          const locale = await this.#locale(actor);
          await interaction.reply({ content: t(locale, 'authoring.discord.expired'), flags: MessageFlags.Ephemeral });
          return;
        }
        const kind = kept.form.id === '' ? 'new' : 'edit';
        await interaction.showModal(
          roundModal(
            { kind, arg: kind === 'new' ? kept.form.committee : kept.form.id },
            kept.form,
            await this.#locale(actor),
          ),
        );
        return;
      }
      case 'edit':
        return this.#showForm(interaction, await this.app().formForEdit(actor, action.arg), {
          kind: 'edit',
        });
      case 'rem':
        return answerInteraction(
          interaction,
          () => this.#reminders(actor, action.arg, interaction as StringSelectMenuInteraction),
          0,
        );
      case 'preview':
        return answerInteraction(interaction, () => this.#preview(actor, action.arg), 0);
      case 'open':
        return answerInteraction(interaction, () => this.#confirmation(actor, action.arg), 0);
      case 'confirm': {
        await interaction.deferUpdate();
        const reply = await this.app().runStaffCommand(actor, { verb: 'open', roundId: action.arg });
        await interaction.editReply({ content: reply.text, components: [] });
        return;
      }
      case 'cancel': {
        const locale = await this.#locale(actor);
        await interaction.update({ content: t(locale, 'authoring.discord.cancelled'), components: [] });
        return;
      }
      default:
        return;
    }
  }

  /** The submitted round form: stored as a draft, or its problems with a button to reopen it as typed. */
  async onModal(interaction: ModalSubmitInteraction, action: AuthoringAction): Promise<void> {
    const actor = staffActor(interaction);
    await answerInteraction(
      interaction,
      async () => {
        const base = await this.#baseForm(actor, action);
        if (!base.ok) return refused(base);
        const fields = modalFields(interaction);
        const text = (id: string) => {
          const value = fields.get(id);
          return typeof value === 'string' ? value : '';
        };
        const settings = fields.get(FIELD.settings);
        const chosen = Array.isArray(settings) ? settings : [];
        const description = text(FIELD.description).trim();
        const { description: _, ...rest } = base.view.form;
        const form: RoundForm = {
          ...rest,
          title: text(FIELD.title),
          ...parseWindowText(text(FIELD.window)),
          agendaText: text(FIELD.agenda),
          anonymous: chosen.includes('anonymous'),
          allowLate: chosen.includes('late'),
          ...(description === '' ? {} : { description }),
        };
        return this.#saved(actor, form, await this.app().draftFromForm(actor, form));
      },
      0,
    );
  }

  /** The form a submission fills in: the draft's (edit) or a new one's (new). */
  async #baseForm(actor: Actor, action: AuthoringAction) {
    if (action.kind === 'edit') return this.app().formForEdit(actor, action.arg);
    return this.app().blankRoundForm(actor, action.arg);
  }

  #saved(actor: Actor, form: RoundForm, saved: Awaited<ReturnType<JamunApi['draftFromForm']>>): InteractionAnswer {
    if (!saved.ok) {
      if (saved.problems.length === 0) return refused(saved);
      // Nothing typed is lost: the button reopens the modal with all of it.
      const token = this.#keep(actor.userId, form);
      return { ...refused(saved), components: reopenRow(token, saved.locale, 'authoring.discord.button.reopen') };
    }
    return {
      text: saved.text,
      ephemeral: true,
      locale: saved.locale,
      components: savedDraftRows(saved.roundId, form.reminders ?? 'standard', saved.locale),
    };
  }

  async #showForm(
    interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction,
    view: Awaited<ReturnType<JamunApi['blankRoundForm']>>,
    action: { kind: 'new' | 'edit' },
  ): Promise<void> {
    if (!view.ok) {
      await interaction.reply({ content: view.text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    const form = view.view.form;
    const arg = action.kind === 'new' ? form.committee : form.id;
    await interaction.showModal(roundModal({ kind: action.kind, arg }, form, view.locale));
  }

  async #import(interaction: ChatInputCommandInteraction, actor: Actor): Promise<InteractionAnswer> {
    const attachment = interaction.options.getAttachment('file', true);
    const file = { name: attachment.name, size: attachment.size };
    let bytes = new Uint8Array(0);
    if (attachment.size <= MAX_IMPORT_BYTES) {
      try {
        const response = await fetch(attachment.url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch {
        const locale = await this.#locale(actor);
        return { text: t(locale, 'authoring.discord.download-failed'), ephemeral: true, locale };
      }
    }
    const read = await this.app().importDraftFile(actor, { ...file, bytes });
    if (!read.ok) return refused(read);
    if (read.kind === 'saved') {
      return {
        text: read.text,
        ephemeral: true,
        locale: read.locale,
        components: savedDraftRows(read.roundId, 'keep', read.locale),
      };
    }
    const token = this.#keep(actor.userId, read.view.form);
    return {
      text: read.text,
      ephemeral: true,
      locale: read.locale,
      components: reopenRow(token, read.locale, 'authoring.discord.button.form'),
    };
  }

  async #preview(actor: Actor, roundId: string): Promise<InteractionAnswer> {
    const sent = await this.app().previewRound(actor, roundId);
    return { text: sent.text, ephemeral: true, locale: sent.locale };
  }

  async #confirmation(actor: Actor, roundId: string): Promise<InteractionAnswer> {
    const confirm = await this.app().openConfirmation(actor, roundId);
    if (!confirm.ok) return refused(confirm);
    return {
      text: confirm.text,
      ephemeral: true,
      locale: confirm.locale,
      components: confirmRow(roundId, confirm.locale),
    };
  }

  async #reminders(
    actor: Actor,
    roundId: string,
    interaction: StringSelectMenuInteraction,
  ): Promise<InteractionAnswer> {
    const picked = interaction.values[0] ?? '';
    const current = await this.app().formForEdit(actor, roundId);
    if (!current.ok) return refused(current);
    const reminders = (PRESETS.has(picked) ? picked : 'standard') as ReminderPreset;
    const form = { ...current.view.form, reminders };
    return this.#saved(actor, form, await this.app().draftFromForm(actor, form));
  }

  async #locale(actor: Actor): Promise<Locale> {
    return (await this.app().authoringCommittees(actor))[0]?.locale ?? (await this.app().localeOf(actor));
  }
}
