/**
 * The questionnaire as Slack modals: one agenda item per view (an item too
 * big for one view continues on the next), each question as the fitting
 * Block Kit input, drafts prefilled. Texts longer than one input's 3000
 * characters continue in further inputs that are read back concatenated, so
 * nothing is ever cut. Reading a submitted view back into answers lives
 * here too, next to the block ids it depends on.
 */
import type { types } from '@slack/bolt';
import { t } from '../../core/i18n/catalogue.ts';
import type { AgendaItem, Locale, Question } from '../../core/model.ts';
import type { AnswerInput } from '../../core/app/inbound.ts';
import type { QuestionnaireView } from '../../core/ports/messenger.ts';
import { type Block, button, mrkdwnSections, plainSections } from './slack-blocks.ts';
import { clip, splitText } from '../../core/text/split-text.ts';
import { questionnaireMaterialsText } from '../../core/text/render-views.ts';
import {
  escapeMrkdwn,
  slackFormatter,
  INPUT_VALUE_LIMIT,
  LABEL_LIMIT,
  OPTION_TEXT_LIMIT,
  VIEW_BLOCK_LIMIT,
  VIEW_TITLE_LIMIT,
} from './slack-formatter.ts';
import {
  ACTION_SAVE_DRAFT,
  INPUT_ACTION,
  questionBlockId,
  VIEW_QUESTIONNAIRE,
  type QuestionnaireMeta,
} from './slack-ids.ts';
import { st } from './slack-texts.ts';
import { SLACK_ELEMENT } from './slack-limits.ts';

type Draft = string | string[] | number | undefined;
type Item = QuestionnaireView['items'][number];

/** One modal page: an agenda item, or the part of it that fits one view. */
export interface Page {
  item: Item;
  itemIndex: number;
  questions: Question[];
}

/** Blocks the page frame takes (context, item title, description, save button). */
const FRAME_BLOCKS = 6;
/** Choices shown as radio buttons / checkboxes up to this many; beyond, a select. */
// Slack's limits (slack-limits.ts): radio buttons and checkboxes hold 10 options, a static select 100.
const INLINE_CHOICES = SLACK_ELEMENT.radioOptions;
const SELECT_OPTIONS = SLACK_ELEMENT.staticSelectOptions;

function isText(q: Question): boolean {
  return q.kind === 'long_text' || q.kind === 'short_text';
}

/** How many inputs a text question gets: enough for its limit and for the saved draft. */
function textInputCount(q: Question, draft: Draft): number {
  const draftParts = typeof draft === 'string' ? splitText(draft, INPUT_VALUE_LIMIT, { exact: true }).length : 1;
  return Math.max(1, Math.ceil(q.maxLength / INPUT_VALUE_LIMIT), draftParts);
}

function questionBlocks(q: Question, draft: Draft, locale: Locale): Block[] {
  const blocks: Block[] = [];
  const prompt = `${q.id}. ${q.prompt}`;
  const labelFits = prompt.length <= LABEL_LIMIT;
  if (!labelFits) blocks.push(...mrkdwnSections(escapeMrkdwn(prompt)));
  const label = labelFits ? prompt : st(locale, 'slack.form.questionAbove', { questionId: q.id });
  const helpFits = q.help === undefined || q.help.length <= LABEL_LIMIT;
  if (q.help !== undefined && !helpFits) {
    blocks.push(
      ...mrkdwnSections(escapeMrkdwn(q.help)).map(
        (section): Block => ({
          type: 'context',
          elements: [(section as types.SectionBlock).text as types.MrkdwnElement],
        }),
      ),
    );
  }
  const hint = q.help !== undefined && helpFits ? { hint: { type: 'plain_text' as const, text: q.help } } : {};
  const input = (part: number, element: types.InputBlockElement, partLabel = label): types.InputBlock => ({
    type: 'input',
    block_id: questionBlockId(q.id, part),
    optional: true,
    label: { type: 'plain_text', text: partLabel },
    element,
    ...(part === 0 ? hint : {}),
  });
  if (isText(q)) {
    const parts = typeof draft === 'string' ? splitText(draft, INPUT_VALUE_LIMIT, { exact: true }) : [];
    const count = textInputCount(q, draft);
    for (let i = 0; i < count; i += 1) {
      const value = parts[i];
      blocks.push(
        input(
          i,
          {
            type: 'plain_text_input',
            action_id: INPUT_ACTION,
            multiline: q.kind === 'long_text' || count > 1,
            max_length: INPUT_VALUE_LIMIT,
            ...(value ? { initial_value: value } : {}),
          },
          i === 0 ? label : t(locale, 'form.continue'),
        ),
      );
    }
    return blocks;
  }
  if (q.kind === 'scale') {
    const min = q.scale?.min ?? 1;
    const max = q.scale?.max ?? 5;
    const placeholder = {
      type: 'plain_text' as const,
      text: clip(t(locale, 'form.scalePlaceholder', { min, max }), 150),
    };
    if (max - min + 1 > SELECT_OPTIONS) {
      blocks.push(
        input(0, {
          type: 'number_input',
          action_id: INPUT_ACTION,
          is_decimal_allowed: false,
          min_value: String(min),
          max_value: String(max),
          placeholder,
          ...(typeof draft === 'number' ? { initial_value: String(draft) } : {}),
        }),
      );
      return blocks;
    }
    const options = Array.from({ length: max - min + 1 }, (_, i) => scaleOption(min + i, q));
    const initial = options.find((o) => typeof draft === 'number' && o.value === String(draft));
    blocks.push(
      input(0, {
        type: 'static_select',
        action_id: INPUT_ACTION,
        placeholder,
        options,
        ...(initial ? { initial_option: initial } : {}),
      }),
    );
    return blocks;
  }
  const choices = q.options ?? [];
  // Config allows at most 100 options; more would be cut by Slack, so it is a programming error here.
  if (choices.length > SELECT_OPTIONS) throw new RangeError(`question ${q.id} has ${choices.length} options`);
  if (choices.some((c) => c.length > OPTION_TEXT_LIMIT)) {
    blocks.push(...mrkdwnSections(choices.map((c, i) => `${i + 1}) ${escapeMrkdwn(c)}`).join('\n')));
  }
  const options = choices.map((c, i) => ({
    text: {
      type: 'plain_text' as const,
      text: clip(choices.some((x) => x.length > OPTION_TEXT_LIMIT) ? `${i + 1}) ${c}` : c, OPTION_TEXT_LIMIT),
    },
    value: String(i),
  }));
  const picked = new Set(typeof draft === 'string' ? [draft] : Array.isArray(draft) ? draft : []);
  const initial = options.filter((_, i) => picked.has(choices[i] ?? ''));
  const placeholder = { type: 'plain_text' as const, text: clip(t(locale, 'form.choicePlaceholder'), 150) };
  if (q.kind === 'single_choice') {
    const first = initial[0];
    blocks.push(
      input(
        0,
        options.length <= INLINE_CHOICES
          ? { type: 'radio_buttons', action_id: INPUT_ACTION, options, ...(first ? { initial_option: first } : {}) }
          : {
              type: 'static_select',
              action_id: INPUT_ACTION,
              placeholder,
              options,
              ...(first ? { initial_option: first } : {}),
            },
      ),
    );
  } else {
    const chosen = initial.length > 0 ? { initial_options: initial } : {};
    blocks.push(
      input(
        0,
        options.length <= INLINE_CHOICES
          ? { type: 'checkboxes', action_id: INPUT_ACTION, options, ...chosen }
          : {
              type: 'multi_static_select',
              action_id: INPUT_ACTION,
              placeholder,
              options,
              ...chosen,
            },
      ),
    );
  }
  return blocks;
}

function scaleOption(point: number, q: Question): types.PlainTextOption {
  const label =
    point === q.scale?.min && q.scale.minLabel
      ? `${point} – ${q.scale.minLabel}`
      : point === q.scale?.max && q.scale.maxLabel
        ? `${point} – ${q.scale.maxLabel}`
        : String(point);
  return { text: { type: 'plain_text', text: clip(label, OPTION_TEXT_LIMIT) }, value: String(point) };
}

/** What opens an agenda item's first page: its description, then its materials (names, links). */
function introBlocks(item: Item, locale: Locale): Block[] {
  return [
    ...mrkdwnSections(escapeMrkdwn(item.description ?? '')),
    ...mrkdwnSections(questionnaireMaterialsText(item.materials, locale, slackFormatter)),
  ];
}

/** Splits the questionnaire into pages: one per agenda item, more when an item does not fit one view. */
export function planPages(view: QuestionnaireView): Page[] {
  const pages: Page[] = [];
  view.items.forEach((item, itemIndex) => {
    let current: Question[] = [];
    let used = FRAME_BLOCKS + introBlocks(item, view.locale).length;
    for (const q of item.questions) {
      const size = questionBlocks(q, item.drafts[q.id], view.locale).length;
      if (current.length > 0 && used + size > VIEW_BLOCK_LIMIT) {
        pages.push({ item, itemIndex, questions: current });
        current = [];
        used = FRAME_BLOCKS;
      }
      current.push(q);
      used += size;
    }
    pages.push({ item, itemIndex, questions: current });
  });
  return pages;
}

/** The modal for page `pageIndex` of the questionnaire; `notice` (plain text) shows on top, e.g. "Draft saved". */
export function questionnaireModal(view: QuestionnaireView, pageIndex: number, notice?: string): types.ModalView {
  const pages = planPages(view);
  const index = Math.min(Math.max(0, pageIndex), pages.length - 1);
  const page = pages[index] as Page;
  const { locale } = view;
  const last = index === pages.length - 1;
  const meta: QuestionnaireMeta = { roundId: view.roundId, page: index };
  const blocks: Block[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${t(locale, 'form.page', { page: page.itemIndex + 1, pages: view.items.length })} · ${escapeMrkdwn(view.roundTitle)} · ${view.closesAtLocal}`,
          verbatim: true,
        },
      ],
    },
    ...(notice ? plainSections(notice) : []),
    ...mrkdwnSections(`*${escapeMrkdwn(`${page.itemIndex + 1}. ${page.item.title}`)}*`),
    ...(page.questions[0] === page.item.questions[0] ? introBlocks(page.item, locale) : []),
    ...page.questions.flatMap((q) => questionBlocks(q, page.item.drafts[q.id], locale)),
    { type: 'actions', elements: [button(ACTION_SAVE_DRAFT, t(locale, 'button.saveDraft'), view.roundId)] },
  ];
  return {
    type: 'modal',
    callback_id: VIEW_QUESTIONNAIRE,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: clip(t(locale, 'form.title'), VIEW_TITLE_LIMIT) },
    submit: { type: 'plain_text', text: clip(t(locale, last ? 'button.submit' : 'button.next'), VIEW_TITLE_LIMIT) },
    close: { type: 'plain_text', text: clip(t(locale, 'button.cancel'), VIEW_TITLE_LIMIT) },
    blocks,
  };
}

/** The first question on a page without an answer, else the first: where a DM reply should go. */
export function questionToAsk(view: QuestionnaireView, pageIndex: number): string | undefined {
  const page = planPages(view)[pageIndex];
  if (!page) return undefined;
  const open = page.questions.find((q) => {
    const draft = page.item.drafts[q.id];
    return draft === undefined || draft === '' || (Array.isArray(draft) && draft.length === 0);
  });
  return (open ?? page.questions[0])?.id;
}

/** The state of one input as Slack sends it in `view.state.values`. */
export interface InputState {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }>;
}

/** Reads the answers of the questions on a page back from the view's state. */
export function readAnswers(item: AgendaItem, values: Record<string, Record<string, InputState>>): AnswerInput[] {
  const answers: AnswerInput[] = [];
  for (const q of item.questions) {
    const states: InputState[] = [];
    for (let part = 0; values[questionBlockId(q.id, part)] !== undefined; part += 1) {
      const state = values[questionBlockId(q.id, part)]?.[INPUT_ACTION];
      if (state) states.push(state);
    }
    if (states.length === 0) continue;
    const [first] = states;
    if (isText(q)) {
      answers.push({ questionId: q.id, value: states.map((s) => s.value ?? '').join('') });
    } else if (q.kind === 'scale') {
      const raw = first?.selected_option?.value ?? first?.value;
      if (raw !== undefined && raw !== null && raw !== '') answers.push({ questionId: q.id, value: Number(raw) });
    } else {
      const choices = q.options ?? [];
      // Config allows at most 100 options; more would be cut by Slack, so it is a programming error here.
      if (choices.length > SELECT_OPTIONS) throw new RangeError(`question ${q.id} has ${choices.length} options`);
      const picked = first?.selected_options ?? (first?.selected_option ? [first.selected_option] : []);
      const labels = picked.map((o) => choices[Number(o.value)]).filter((c): c is string => c !== undefined);
      if (q.kind === 'multi_choice') answers.push({ questionId: q.id, value: labels });
      else if (labels[0] !== undefined) answers.push({ questionId: q.id, value: labels[0] });
    }
  }
  return answers;
}

/** Only the answers that differ from the saved drafts (blank fields never answered are not news either). */
export function changedAnswers(answers: AnswerInput[], drafts: Record<string, Draft>): AnswerInput[] {
  const same = (a: Draft, b: Draft): boolean => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');
  return answers.filter((answer) => {
    const draft = drafts[answer.questionId];
    if (draft === undefined && (answer.value === '' || (Array.isArray(answer.value) && answer.value.length === 0)))
      return false;
    return !same(answer.value, draft);
  });
}

/** The block id where an error about `questionId` should show on this page; the first input when it is not here. */
export function errorBlockFor(page: Page, questionId: string | undefined): string | undefined {
  const here = page.questions.find((q) => q.id === questionId);
  const target = here ?? page.questions[0];
  return target ? questionBlockId(target.id, 0) : undefined;
}
