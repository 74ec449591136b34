/**
 * What members do in their DM with the bot, translated to core calls:
 * buttons (Answer/Next/Edit open a questionnaire page, Submit, Decline),
 * modal submits (a page of answers, a decline reason) and plain DM text
 * (filed by the core under the question asked last). No decisions here.
 */
import type { ButtonInteraction, Message, ModalSubmitInteraction } from 'discord.js';
import type { DomainError } from '../../core/errors.ts';
import type { JamunApi } from '../../core/app/inbound.ts';
import { describeError, t } from '../../core/i18n/catalogue.ts';
import type { Actor, Locale } from '../../core/model.ts';
import { questionnaireMaterialsText } from '../../core/text/render-views.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { QuestionnaireView } from '../../core/ports/messenger.ts';
import { fillButtons, pageButtons } from './components-invitation.ts';
import type { CustomAction } from './custom-ids.ts';
import { splitText } from '../../core/text/split-text.ts';
import { DISCORD_MESSAGE_LIMIT, discordFormatter, NO_MENTIONS } from './discord-formatter.ts';
import { dt } from './discord-texts.ts';
import { type InteractionAnswer, answerInteraction } from './interaction-reply.ts';
import { type PagePlan, planPages, readSubmission } from './questionnaire-pages.ts';
import { clippedPrompts, declineModal, questionnaireModal } from './questionnaire-modal.ts';

/** The actor behind a DM interaction or message. */
function memberActor(user: { id: string; username: string }): Actor {
  return { platform: 'discord', userId: user.id, displayName: user.username };
}

/** Modal fields by custom id: text inputs as strings, selects as value lists. */
export function modalFields(interaction: ModalSubmitInteraction): Map<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  for (const [id, field] of interaction.fields.fields) {
    if ('value' in field && typeof field.value === 'string') fields.set(id, field.value);
    else if ('values' in field && Array.isArray(field.values)) fields.set(id, field.values.map(String));
  }
  return fields;
}

/**
 * The full prompts (and help) of a page, shown before its modal (labels there
 * are clipped to 45 characters), and on an item's first page its materials
 * (a modal cannot show links).
 */
function pagePreview(page: PagePlan, locale: Locale): string {
  const lines = page.questions.map((q) => (q.help ? `${q.id}. ${q.prompt}\n    ${q.help}` : `${q.id}. ${q.prompt}`));
  const materials = firstPageOfItem(page)
    ? questionnaireMaterialsText(page.item.materials, locale, discordFormatter)
    : '';
  return [page.item.title, ...(materials ? [materials] : []), ...lines].join('\n');
}

function firstPageOfItem(page: PagePlan): boolean {
  return page.questions[0] === page.item.questions[0];
}

export class MemberHandlers {
  constructor(
    private readonly app: () => JamunApi,
    private readonly logger: Logger,
  ) {}

  async #error(actor: Actor, error: DomainError): Promise<InteractionAnswer> {
    return { text: describeError(error, await this.app().localeOf(actor)), ephemeral: true };
  }

  /** Answer/Next/Edit, Submit and Decline buttons. */
  async onButton(interaction: ButtonInteraction, action: CustomAction): Promise<void> {
    const actor = memberActor(interaction.user);
    const app = this.app();
    if (action.kind === 'open' || action.kind === 'fill') {
      const view = await app.questionnaire(actor, action.roundId);
      if (!view.ok) return answerInteraction(interaction, () => this.#error(actor, view.error));
      const { locale } = view.value;
      const pages = planPages(view.value);
      const page = pages[Math.min(action.page, pages.length - 1)];
      if (!page)
        return answerInteraction(interaction, async () => ({
          text: t(locale, 'saved.nothing'),
          ephemeral: true,
        }));
      const asked = page.questions[0];
      const withMaterials = firstPageOfItem(page) && (page.item.materials?.length ?? 0) > 0;
      if (action.kind === 'open' && (clippedPrompts(page, locale).length > 0 || withMaterials)) {
        // A label holds 45 characters and a modal no link: the full prompts and the materials come first, with a button to the modal.
        if (asked) await app.markAsked(actor, action.roundId, asked.id);
        return answerInteraction(interaction, async () => ({
          text: [
            pagePreview(page, locale),
            '',
            dt(locale, clippedPrompts(page, locale).length > 0 ? 'discord.promptsFirst' : 'discord.materialsFirst', {
              button: t(locale, 'button.answer'),
            }),
          ].join('\n'),
          ephemeral: false,
          components: fillButtons(action.roundId, page.index, locale),
        }));
      }
      // The modal must be the first response, so nothing may be deferred before it.
      await interaction.showModal(questionnaireModal(action.roundId, page, pages.length, locale));
      if (asked) await app.markAsked(actor, action.roundId, asked.id);
      return;
    }
    if (action.kind === 'decline') {
      const view = await app.questionnaire(actor, action.roundId);
      if (!view.ok) return answerInteraction(interaction, () => this.#error(actor, view.error));
      await interaction.showModal(declineModal(action.roundId, view.value.locale));
      return;
    }
    if (action.kind === 'submit') {
      return answerInteraction(interaction, async () => {
        const result = await app.submit(actor, action.roundId);
        return result.ok ? { text: result.value.message, ephemeral: false } : this.#error(actor, result.error);
      });
    }
    this.logger.warn({ kind: action.kind }, 'discord button with a modal action');
  }

  /** A submitted questionnaire page or decline reason. */
  async onModal(interaction: ModalSubmitInteraction, action: CustomAction): Promise<void> {
    const actor = memberActor(interaction.user);
    const app = this.app();
    if (action.kind === 'declineReason') {
      const reason = modalFields(interaction).get('reason');
      return answerInteraction(interaction, async () => {
        const result = await app.decline(actor, action.roundId, typeof reason === 'string' ? reason : '');
        return result.ok ? { text: result.value.message, ephemeral: false } : this.#error(actor, result.error);
      });
    }
    if (action.kind !== 'page') {
      this.logger.warn({ kind: action.kind }, 'discord modal with a button action');
      return;
    }
    return answerInteraction(interaction, () =>
      this.#savePage(actor, action.roundId, action.page, modalFields(interaction)),
    );
  }

  async #savePage(
    actor: Actor,
    roundId: string,
    pageIndex: number,
    fields: Map<string, string | string[]>,
  ): Promise<InteractionAnswer> {
    const app = this.app();
    const found = await app.questionnaire(actor, roundId);
    if (!found.ok) return this.#error(actor, found.error);
    const view: QuestionnaireView = found.value;
    const answers = readSubmission(view, fields);
    const pages = planPages(view);
    const next = pageIndex + 1 < pages.length ? pages[pageIndex + 1] : undefined;
    const { locale } = view;
    if (view.submitted && !next) {
      // Editing after submitting: the last page re-submits, which sends a fresh receipt.
      const result = await app.submit(actor, roundId, answers);
      if (!result.ok) return this.#error(actor, result.error);
      return { text: [dt(locale, 'discord.editSaved'), result.value.message].join('\n'), ephemeral: false };
    }
    const saved = await app.saveDraft(actor, roundId, answers);
    if (!saved.ok) return this.#error(actor, saved.error);
    const lines = [saved.value.message, dt(locale, 'discord.pageSaved', { page: pageIndex + 1, pages: pages.length })];
    if (next) {
      const first = next.questions[0];
      if (first) await app.markAsked(actor, roundId, first.id);
      lines.push('', dt(locale, 'discord.nextPage', { title: next.item.title }), pagePreview(next, locale));
      if (first) lines.push('', dt(locale, 'discord.replyHint', { questionId: first.id }));
    } else if (!view.submitted) {
      lines.push('', dt(locale, 'discord.allPagesDone'));
    }
    return {
      text: lines.join('\n'),
      ephemeral: false,
      components: pageButtons(roundId, next ? next.index : null, view.submitted, locale),
    };
  }

  /** Plain text in the DM: the core files it under the question asked last. */
  async onDirectMessage(message: Message): Promise<void> {
    const actor = memberActor(message.author);
    const result = await this.app().reply(actor, message.content);
    const text = result.ok ? result.value.message : describeError(result.error, await this.app().localeOf(actor));
    if (!message.channel.isSendable()) return;
    for (const content of splitText(text, DISCORD_MESSAGE_LIMIT)) {
      await message.channel.send({ content, allowedMentions: NO_MENTIONS });
    }
  }
}
