/**
 * Builds the Discord modal of one questionnaire page: a label per field
 * holding a text input (drafts prefilled, long answers continued over
 * several inputs) or a string select for choice and scale questions.
 */
import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import { t } from '../../core/i18n/catalogue.ts';
import type { Locale } from '../../core/model.ts';
import { clip } from '../../core/text/split-text.ts';
import { encodeCustomId } from './custom-ids.ts';
import { DISCORD_COMPONENT, DISCORD_MODAL } from './discord-limits.ts';
import { dt } from './discord-texts.ts';
import type { FieldPlan, PagePlan } from './questionnaire-pages.ts';

const TITLE_MAX = DISCORD_MODAL.title;
const LABEL_MAX = DISCORD_COMPONENT.labelLabel;
const DESCRIPTION_MAX = DISCORD_COMPONENT.labelDescription;
const OPTION_TEXT_MAX = DISCORD_COMPONENT.optionLabel;

function label(field: FieldPlan, locale: Locale): { label: string; description?: string } {
  const q = field.question;
  if (field.kind === 'text' && field.part > 0) {
    return {
      label: clip(
        dt(locale, 'discord.part', { questionId: q.id, part: field.part + 1, parts: field.parts }),
        LABEL_MAX,
      ),
      description: clip(t(locale, 'form.continue'), DESCRIPTION_MAX),
    };
  }
  if (field.kind === 'select' && field.range) {
    const suffix = ` (${field.range.from}–${field.range.to})`;
    return {
      label: `${clip(`${q.id}. ${q.prompt}`, LABEL_MAX - suffix.length)}${suffix}`,
      description: clip(q.prompt, DESCRIPTION_MAX),
    };
  }
  const full = `${q.id}. ${q.prompt}`;
  const short = clip(full, LABEL_MAX);
  const hint = field.kind === 'lines' ? dt(locale, 'discord.choiceLines') : q.help;
  const description = hint ?? (short === full ? undefined : q.prompt);
  return { label: short, ...(description ? { description: clip(description, DESCRIPTION_MAX) } : {}) };
}

/**
 * Questions of `page` whose prompt or help its modal cannot show whole
 * (labels hold 45 characters, descriptions 100): members must read them first.
 */
export function clippedPrompts(page: PagePlan, locale: Locale): PagePlan['questions'] {
  return page.questions.filter((q) => {
    const first = page.fields.find((f) => f.question.id === q.id);
    if (!first) return true;
    const shown = [label(first, locale)].flatMap((l) => [l.label, l.description ?? '']);
    return [q.prompt, q.help].some((text) => text !== undefined && !shown.some((s) => s.includes(text)));
  });
}

function component(field: FieldPlan, locale: Locale): APILabelComponent['component'] {
  switch (field.kind) {
    case 'text':
      return {
        type: ComponentType.TextInput,
        custom_id: field.id,
        style:
          field.question.kind === 'short_text' && field.parts === 1 ? TextInputStyle.Short : TextInputStyle.Paragraph,
        required: false,
        max_length: field.maxLength,
        ...(field.value !== '' ? { value: field.value } : {}),
      };
    case 'lines':
      return {
        type: ComponentType.TextInput,
        custom_id: field.id,
        style: TextInputStyle.Paragraph,
        required: false,
        max_length: DISCORD_COMPONENT.textInputValue,
        ...(field.value !== '' ? { value: field.value } : {}),
      };
    case 'select': {
      const scale = field.question.scale;
      const placeholder =
        field.question.kind === 'scale'
          ? t(locale, 'form.scalePlaceholder', { min: scale?.min ?? 1, max: scale?.max ?? 5 })
          : t(locale, 'form.choicePlaceholder');
      return {
        type: ComponentType.StringSelect,
        custom_id: field.id,
        required: false,
        min_values: 0,
        max_values: field.maxValues,
        placeholder: clip(placeholder, DISCORD_COMPONENT.selectPlaceholder),
        options: field.options.map((o) => ({
          label: clip(o.label, OPTION_TEXT_MAX),
          value: o.value,
          default: o.chosen,
        })),
      };
    }
  }
}

/** The modal of page `page` (0-based) of `pages`, for round `roundId`. */
export function questionnaireModal(
  roundId: string,
  page: PagePlan,
  pages: number,
  locale: Locale,
): APIModalInteractionResponseCallbackData {
  const head = t(locale, 'form.page', { page: page.index + 1, pages });
  return {
    custom_id: encodeCustomId({ kind: 'page', roundId, page: page.index }),
    title: clip(`${head} · ${page.item.title}`, TITLE_MAX),
    components: page.fields.map((field) => ({
      type: ComponentType.Label,
      ...label(field, locale),
      component: component(field, locale),
    })),
  };
}

/** The modal asking why a member declines. */
export function declineModal(roundId: string, locale: Locale): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeCustomId({ kind: 'declineReason', roundId }),
    title: clip(t(locale, 'button.decline'), TITLE_MAX),
    components: [
      {
        type: ComponentType.Label,
        label: clip(t(locale, 'form.declineReason'), LABEL_MAX),
        component: {
          type: ComponentType.TextInput,
          custom_id: 'reason',
          style: TextInputStyle.Paragraph,
          required: true,
          max_length: 1000,
        },
      },
    ],
  };
}
