/**
 * What Slack refuses, checked by the fake before it stores anything: Block
 * Kit, message and modal limits from the shared table
 * (src/adapters/slack/slack-limits.ts). A refusal carries Slack's error code
 * (`invalid_blocks` for messages, `invalid_arguments` for views,
 * `msg_too_long`) and, for the test's eyes, the offending path.
 */
import { SLACK_BLOCK, SLACK_ELEMENT, SLACK_MESSAGE, SLACK_VIEW } from '../../../src/adapters/slack/slack-limits.ts';

/** A refusal: Slack's error code and what was wrong. */
export interface SlackRefusal {
  error: string;
  problem: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const textOf = (value: unknown): string | undefined =>
  isObject(value) && typeof value.text === 'string' ? value.text : undefined;

class Problems {
  first: string | undefined;
  add(path: string, what: string): void {
    this.first ??= `${path}: ${what}`;
  }
  text(path: string, value: unknown, max: number, required = false): void {
    if (value === undefined) {
      if (required) this.add(path, 'missing');
      return;
    }
    const text = textOf(value);
    if (text === undefined) {
      this.add(path, 'not a text object');
      return;
    }
    if (text.length > max) this.add(path, `must be at most ${max} characters`);
    if (required && text.length === 0) this.add(path, 'must not be empty');
  }
  plain(path: string, value: unknown, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'string') {
      this.add(path, 'not a string');
      return;
    }
    if (value.length > max) this.add(path, `must be at most ${max} characters`);
  }
  list(path: string, value: unknown, max: number, min = 0): unknown[] {
    if (value === undefined) {
      if (min > 0) this.add(path, 'missing');
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(path, 'not an array');
      return [];
    }
    if (value.length > max) this.add(path, `must have at most ${max} items`);
    if (value.length < min) this.add(path, `must have at least ${min} items`);
    return value;
  }
}

function options(p: Problems, at: string, value: unknown, max: number): void {
  for (const [i, option] of p.list(`${at}.options`, value, max, 1).entries()) {
    if (!isObject(option)) continue;
    p.text(`${at}.options.${i}.text`, option.text, SLACK_ELEMENT.optionText, true);
    p.plain(`${at}.options.${i}.value`, option.value, SLACK_ELEMENT.optionValue);
  }
}

/** Elements an input block takes (https://docs.slack.dev/reference/block-kit/blocks/input-block, `element`). */
const INPUT_ELEMENTS = new Set([
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'file_input',
  'multi_static_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'multi_external_select',
  'number_input',
  'plain_text_input',
  'radio_buttons',
  'rich_text_input',
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'timepicker',
  'url_text_input',
]);

/** A real calendar date written `YYYY-MM-DD`, as the date picker's `initial_date` must be. */
function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** `initial_option(s)` must be among the element's options (same text and value), or Slack refuses the view. */
function initialOptions(p: Problems, at: string, el: Json): void {
  const key = (o: unknown) => (isObject(o) ? `${String(o.value)}\u0000${textOf(o.text) ?? ''}` : '');
  const offered = new Set(Array.isArray(el.options) ? el.options.map(key) : []);
  const initial = el.initial_option !== undefined ? [el.initial_option] : el.initial_options;
  if (initial === undefined) return;
  if (!Array.isArray(initial)) {
    p.add(`${at}.initial_options`, 'not an array');
    return;
  }
  for (const option of initial) if (!offered.has(key(option))) p.add(`${at}.initial_option`, 'not one of the options');
}

function element(p: Problems, at: string, el: unknown, inInput = false): void {
  if (!isObject(el)) {
    p.add(at, 'not an element');
    return;
  }
  p.plain(`${at}.action_id`, el.action_id, SLACK_ELEMENT.actionId);
  p.text(`${at}.placeholder`, el.placeholder, SLACK_ELEMENT.placeholder);
  if (inInput && !INPUT_ELEMENTS.has(String(el.type))) p.add(`${at}.type`, `${String(el.type)} cannot be in an input`);
  switch (el.type) {
    case 'button':
      p.text(`${at}.text`, el.text, SLACK_ELEMENT.buttonText, true);
      p.plain(`${at}.value`, el.value, SLACK_ELEMENT.buttonValue);
      return;
    case 'static_select':
    case 'multi_static_select':
      options(p, at, el.options, SLACK_ELEMENT.staticSelectOptions);
      initialOptions(p, at, el);
      return;
    case 'radio_buttons':
      options(p, at, el.options, SLACK_ELEMENT.radioOptions);
      initialOptions(p, at, el);
      return;
    case 'checkboxes':
      options(p, at, el.options, SLACK_ELEMENT.checkboxOptions);
      initialOptions(p, at, el);
      return;
    case 'datepicker':
      if (el.initial_date !== undefined && !isIsoDate(el.initial_date))
        p.add(`${at}.initial_date`, 'must be a date written YYYY-MM-DD');
      return;
    case 'timepicker':
      if (el.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(el.initial_time)))
        p.add(`${at}.initial_time`, 'must be HH:mm, 00:00–23:59');
      return;
    case 'file_input': {
      if (!inInput) p.add(at, 'file_input belongs in an input block');
      const max = el.max_files ?? SLACK_ELEMENT.fileInputMaxFiles;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > SLACK_ELEMENT.fileInputMaxFiles)
        p.add(`${at}.max_files`, `must be 1–${SLACK_ELEMENT.fileInputMaxFiles}`);
      if (
        el.filetypes !== undefined &&
        !(Array.isArray(el.filetypes) && el.filetypes.every((f) => typeof f === 'string'))
      )
        p.add(`${at}.filetypes`, 'must be an array of file extensions');
      return;
    }
    case 'users_select':
      // A user id, if preselected; the picker lists the workspace's people itself.
      if (el.initial_user !== undefined && !/^[UW][A-Z0-9]+$/.test(String(el.initial_user)))
        p.add(`${at}.initial_user`, 'not a user id');
      return;
    case 'plain_text_input': {
      const max = typeof el.max_length === 'number' ? el.max_length : SLACK_ELEMENT.inputValue;
      if (max > SLACK_ELEMENT.inputValue || max < 1) p.add(`${at}.max_length`, `must be 1–${SLACK_ELEMENT.inputValue}`);
      if (typeof el.initial_value === 'string' && el.initial_value.length > max)
        p.add(`${at}.initial_value`, 'longer than max_length');
      return;
    }
    default:
      return;
  }
}

function blocks(p: Problems, list: unknown[], inView: boolean): void {
  const ids = new Set<string>();
  for (const [i, block] of list.entries()) {
    const at = `blocks.${i}`;
    if (!isObject(block)) {
      p.add(at, 'not a block');
      continue;
    }
    if (block.block_id !== undefined) {
      p.plain(`${at}.block_id`, block.block_id, SLACK_BLOCK.blockId);
      if (ids.has(String(block.block_id))) p.add(`${at}.block_id`, 'duplicate block_id');
      ids.add(String(block.block_id));
    }
    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) p.add(at, 'needs text or fields');
        if (block.text !== undefined) p.text(`${at}.text`, block.text, SLACK_BLOCK.sectionText, true);
        for (const [j, field] of p.list(`${at}.fields`, block.fields, SLACK_BLOCK.sectionFields).entries())
          p.text(`${at}.fields.${j}`, field, SLACK_BLOCK.sectionField, true);
        if (block.accessory !== undefined) element(p, `${at}.accessory`, block.accessory);
        break;
      }
      case 'header':
        p.text(`${at}.text`, block.text, SLACK_BLOCK.headerText, true);
        break;
      case 'context':
        for (const [j, el] of p.list(`${at}.elements`, block.elements, SLACK_BLOCK.contextElements, 1).entries())
          if (isObject(el) && el.type !== 'image') p.text(`${at}.elements.${j}`, el, SLACK_BLOCK.contextText, true);
        break;
      case 'actions':
        for (const [j, el] of p.list(`${at}.elements`, block.elements, SLACK_BLOCK.actionsElements, 1).entries())
          element(p, `${at}.elements.${j}`, el);
        break;
      case 'input':
        if (!inView) p.add(at, 'input blocks belong in views');
        p.text(`${at}.label`, block.label, SLACK_BLOCK.inputLabel, true);
        p.text(`${at}.hint`, block.hint, SLACK_BLOCK.inputHint);
        element(p, `${at}.element`, block.element, true);
        break;
      case 'divider':
      case 'rich_text':
      case 'image':
        break;
      default:
        p.add(`${at}.type`, `unknown block type ${String(block.type)}`);
    }
  }
}

/** A message (`chat.postMessage`, `chat.update`, `chat.postEphemeral`, a response_url post). */
export function validateMessage(args: Json): SlackRefusal | null {
  const list = Array.isArray(args.blocks) ? args.blocks : [];
  const text = typeof args.text === 'string' ? args.text : '';
  if (list.length === 0 && text === '') return { error: 'no_text', problem: 'no text and no blocks' };
  if (text.length > SLACK_MESSAGE.text) return { error: 'msg_too_long', problem: `text of ${text.length}` };
  const p = new Problems();
  p.list('blocks', list, SLACK_MESSAGE.blocks);
  blocks(p, list, false);
  return p.first === undefined ? null : { error: 'invalid_blocks', problem: p.first };
}

/** A modal view (`views.open`/`push`/`update`, or one returned in an ack). */
export function validateView(view: unknown): SlackRefusal | null {
  const p = new Problems();
  if (!isObject(view)) return { error: 'invalid_arguments', problem: 'view: missing' };
  if (view.type !== 'modal') p.add('view.type', 'must be modal');
  p.text('view.title', view.title, SLACK_VIEW.title, true);
  p.text('view.submit', view.submit, SLACK_VIEW.button);
  p.text('view.close', view.close, SLACK_VIEW.button);
  p.plain('view.private_metadata', view.private_metadata, SLACK_VIEW.privateMetadata);
  p.plain('view.callback_id', view.callback_id, SLACK_VIEW.callbackId);
  const list = p.list('view.blocks', view.blocks, SLACK_VIEW.blocks, 1);
  blocks(p, list, true);
  const hasInput = list.some((b) => isObject(b) && b.type === 'input');
  if (hasInput && view.submit === undefined) p.add('view.submit', 'a view with inputs needs a submit button');
  return p.first === undefined ? null : { error: 'invalid_arguments', problem: p.first };
}

/**
 * The `errors` of a `response_action: "errors"` ack: an object whose keys are
 * block ids of input blocks of the submitted view and whose values are the
 * texts to show under them (https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload,
 * Bolt's `ViewErrorsResponseAction`). Slack shows nothing for an unknown
 * block and refuses the ack, so the person would see a generic error.
 */
export function validateErrorsAck(view: unknown, errors: unknown): SlackRefusal | null {
  if (!isObject(errors) || Object.keys(errors).length === 0)
    return { error: 'invalid_arguments', problem: 'errors: must be a non-empty object' };
  const blocks = isObject(view) && Array.isArray(view.blocks) ? view.blocks : [];
  const inputs = new Set(
    blocks
      .filter((b) => isObject(b) && b.type === 'input' && typeof b.block_id === 'string')
      .map((b) => (b as Json).block_id),
  );
  for (const [blockId, text] of Object.entries(errors)) {
    if (!inputs.has(blockId))
      return { error: 'invalid_arguments', problem: `errors.${blockId}: not an input block of the view` };
    if (typeof text !== 'string' || text === '')
      return { error: 'invalid_arguments', problem: `errors.${blockId}: not a text` };
  }
  return null;
}
