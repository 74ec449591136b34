/**
 * What Discord refuses, checked by the fake before it stores anything: the
 * limits of messages, embeds, components, modals and uploads from the shared
 * table (src/adapters/discord/discord-limits.ts). A refusal is Discord's
 * `50035 Invalid Form Body` (400) with the path of the offending field, or
 * `40005 Request entity too large` (413) for uploads.
 */
import {
  DISCORD_COMPONENT,
  DISCORD_EMBED,
  DISCORD_ERROR,
  DISCORD_MESSAGE,
  DISCORD_MODAL,
  DISCORD_UPLOAD_BYTES,
} from '../../../src/adapters/discord/discord-limits.ts';
import type { FakeFile } from './fake-discord-state.ts';

/** A refusal as Discord sends it. */
export interface PayloadRefusal {
  status: number;
  code: number;
  message: string;
  /** The field path and what is wrong (`components.0.components.1.custom_id: …`). */
  problem: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

class Problems {
  first: string | undefined;
  add(path: string, what: string): void {
    this.first ??= `${path}: ${what}`;
  }
  length(path: string, value: unknown, max: number, min = 0): void {
    if (value === undefined || value === null) {
      if (min > 0) this.add(path, 'This field is required');
      return;
    }
    const text = str(value);
    if (text === undefined) {
      this.add(path, 'Must be a string');
      return;
    }
    if (text.length > max) this.add(path, `Must be ${max} or fewer in length.`);
    if (text.length < min) this.add(path, `Must be ${min} or more in length.`);
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
      this.add(path, 'Contains a lone surrogate (invalid UTF-8)');
  }
  count(path: string, value: unknown, max: number, min = 0): unknown[] {
    if (value === undefined) {
      if (min > 0) this.add(path, 'This field is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(path, 'Must be an array');
      return [];
    }
    if (value.length > max) this.add(path, `Must be ${max} or fewer in length.`);
    if (value.length < min) this.add(path, `Must be ${min} or more in length.`);
    return value;
  }
}

function checkEmbeds(p: Problems, embeds: unknown): void {
  let total = 0;
  for (const [i, embed] of p.count('embeds', embeds, DISCORD_MESSAGE.embeds).entries()) {
    if (!isObject(embed)) continue;
    const at = `embeds.${i}`;
    p.length(`${at}.title`, embed.title, DISCORD_EMBED.title);
    p.length(`${at}.description`, embed.description, DISCORD_EMBED.description);
    total += (str(embed.title) ?? '').length + (str(embed.description) ?? '').length;
    const footer = isObject(embed.footer) ? embed.footer.text : undefined;
    p.length(`${at}.footer.text`, footer, DISCORD_EMBED.footer);
    const author = isObject(embed.author) ? embed.author.name : undefined;
    p.length(`${at}.author.name`, author, DISCORD_EMBED.authorName);
    total += (str(footer) ?? '').length + (str(author) ?? '').length;
    for (const [j, field] of p.count(`${at}.fields`, embed.fields, DISCORD_EMBED.fields).entries()) {
      if (!isObject(field)) continue;
      p.length(`${at}.fields.${j}.name`, field.name, DISCORD_EMBED.fieldName, 1);
      p.length(`${at}.fields.${j}.value`, field.value, DISCORD_EMBED.fieldValue, 1);
      total += (str(field.name) ?? '').length + (str(field.value) ?? '').length;
    }
  }
  if (total > DISCORD_EMBED.total) p.add('embeds', `Embed size exceeds maximum size of ${DISCORD_EMBED.total}`);
}

function checkCustomId(p: Problems, path: string, value: unknown, ids: Set<string>): void {
  p.length(path, value, DISCORD_COMPONENT.customId, 1);
  const id = str(value);
  if (id === undefined) return;
  if (ids.has(id)) p.add(path, 'Component custom id cannot be duplicated');
  ids.add(id);
}

function checkSelect(p: Problems, at: string, select: Json, ids: Set<string>): void {
  checkCustomId(p, `${at}.custom_id`, select.custom_id, ids);
  p.length(`${at}.placeholder`, select.placeholder, DISCORD_COMPONENT.selectPlaceholder);
  const options = p.count(`${at}.options`, select.options, DISCORD_COMPONENT.selectOptions, 1);
  const values = new Set<string>();
  for (const [k, option] of options.entries()) {
    if (!isObject(option)) continue;
    p.length(`${at}.options.${k}.label`, option.label, DISCORD_COMPONENT.optionLabel, 1);
    p.length(`${at}.options.${k}.value`, option.value, DISCORD_COMPONENT.optionValue, 1);
    p.length(`${at}.options.${k}.description`, option.description, DISCORD_COMPONENT.optionDescription);
    const value = str(option.value) ?? '';
    if (values.has(value)) p.add(`${at}.options.${k}.value`, 'Select component option values must be unique');
    values.add(value);
  }
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (min < 0 || min > DISCORD_COMPONENT.selectOptions) p.add(`${at}.min_values`, 'Out of range');
  if (max < 1 || max > DISCORD_COMPONENT.selectOptions) p.add(`${at}.max_values`, 'Out of range');
  if (max > options.length) p.add(`${at}.max_values`, 'Must be less than or equal to the number of options');
  if (min > max) p.add(`${at}.min_values`, 'Must be less than or equal to max_values');
}

/**
 * A user select (type 5): Discord fills it with the server's members itself,
 * so it has no options; 0–25 values, `default_values` of type `user` only.
 */
function checkUserSelect(p: Problems, at: string, select: Json, ids: Set<string>): void {
  checkCustomId(p, `${at}.custom_id`, select.custom_id, ids);
  p.length(`${at}.placeholder`, select.placeholder, DISCORD_COMPONENT.selectPlaceholder);
  if (select.options !== undefined) p.add(`${at}.options`, 'A user select has no options');
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (min < 0 || min > DISCORD_COMPONENT.selectOptions) p.add(`${at}.min_values`, 'Out of range');
  if (max < 1 || max > DISCORD_COMPONENT.selectOptions) p.add(`${at}.max_values`, 'Out of range');
  if (min > max) p.add(`${at}.min_values`, 'Must be less than or equal to max_values');
  for (const [k, value] of p.count(`${at}.default_values`, select.default_values, max).entries())
    if (!isObject(value) || value.type !== 'user') p.add(`${at}.default_values.${k}.type`, 'Must be user');
}

function checkTextInput(p: Problems, at: string, input: Json, ids: Set<string>, withLabel: boolean): void {
  checkCustomId(p, `${at}.custom_id`, input.custom_id, ids);
  if (withLabel) p.length(`${at}.label`, input.label, DISCORD_COMPONENT.textInputLabel, 1);
  p.length(`${at}.placeholder`, input.placeholder, DISCORD_COMPONENT.textInputPlaceholder);
  const max = typeof input.max_length === 'number' ? input.max_length : DISCORD_COMPONENT.textInputValue;
  const min = typeof input.min_length === 'number' ? input.min_length : 0;
  if (max < 1 || max > DISCORD_COMPONENT.textInputValue) p.add(`${at}.max_length`, 'Out of range');
  if (min < 0 || min > DISCORD_COMPONENT.textInputValue) p.add(`${at}.min_length`, 'Out of range');
  p.length(`${at}.value`, input.value, Math.min(max, DISCORD_COMPONENT.textInputValue));
}

/** Components of a message: action rows of buttons or one select. */
function checkMessageComponents(p: Problems, components: unknown): void {
  const ids = new Set<string>();
  for (const [i, row] of p.count('components', components, DISCORD_MESSAGE.actionRows).entries()) {
    const at = `components.${i}`;
    if (!isObject(row) || row.type !== 1) {
      p.add(at, 'Message components must be action rows');
      continue;
    }
    const children = p.count(`${at}.components`, row.components, DISCORD_COMPONENT.buttonsPerRow, 1);
    for (const [j, child] of children.entries()) {
      const cat = `${at}.components.${j}`;
      if (!isObject(child)) continue;
      if (child.type === 2) {
        p.length(`${cat}.label`, child.label, DISCORD_COMPONENT.buttonLabel);
        if (child.style === 5) p.length(`${cat}.url`, child.url, 512, 1);
        else checkCustomId(p, `${cat}.custom_id`, child.custom_id, ids);
      } else if (child.type === 3) {
        if (children.length > 1) p.add(`${at}.components`, 'A select must be alone in its action row');
        checkSelect(p, cat, child, ids);
      } else {
        p.add(`${cat}.type`, 'Component type not allowed in a message action row');
      }
    }
  }
}

/** A message body (create, edit, interaction reply, follow-up). */
export function validateMessage(json: Json | undefined, files: FakeFile[], isEdit = false): PayloadRefusal | null {
  const p = new Problems();
  const body = json ?? {};
  p.length('content', body.content, DISCORD_MESSAGE.content);
  if (body.nonce !== undefined && typeof body.nonce === 'string') p.length('nonce', body.nonce, DISCORD_MESSAGE.nonce);
  checkEmbeds(p, body.embeds);
  checkMessageComponents(p, body.components);
  p.count('attachments', body.attachments, DISCORD_MESSAGE.attachments);
  if (files.length > DISCORD_MESSAGE.attachments) p.add('files', `Must be ${DISCORD_MESSAGE.attachments} or fewer`);
  const hasBody =
    (str(body.content) ?? '') !== '' ||
    (Array.isArray(body.embeds) && body.embeds.length > 0) ||
    (Array.isArray(body.components) && body.components.length > 0) ||
    files.length > 0;
  if (!isEdit && !hasBody) {
    return { status: 400, code: 50006, message: 'Cannot send an empty message', problem: 'empty message' };
  }
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  if (bytes > DISCORD_UPLOAD_BYTES) {
    return {
      status: 413,
      code: DISCORD_ERROR.requestEntityTooLarge,
      message: 'Request entity too large',
      problem: `files: ${bytes} bytes`,
    };
  }
  return refusal(p);
}

/** A modal (interaction callback type 9). */
export function validateModal(data: Json | undefined): PayloadRefusal | null {
  const p = new Problems();
  const modal = data ?? {};
  const ids = new Set<string>();
  p.length('data.custom_id', modal.custom_id, DISCORD_COMPONENT.customId, 1);
  p.length('data.title', modal.title, DISCORD_MODAL.title, 1);
  for (const [i, top] of p.count('data.components', modal.components, DISCORD_MODAL.components, 1).entries()) {
    const at = `data.components.${i}`;
    if (!isObject(top)) continue;
    if (top.type === 18) {
      p.length(`${at}.label`, top.label, DISCORD_COMPONENT.labelLabel, 1);
      p.length(`${at}.description`, top.description, DISCORD_COMPONENT.labelDescription);
      const child = top.component;
      if (!isObject(child)) {
        p.add(`${at}.component`, 'This field is required');
      } else if (child.type === 4) {
        if (child.label !== undefined) p.add(`${at}.component.label`, 'A text input in a label has no label');
        checkTextInput(p, `${at}.component`, child, ids, false);
      } else if (child.type === 3) {
        checkSelect(p, `${at}.component`, child, ids);
      } else if (child.type === 5) {
        checkUserSelect(p, `${at}.component`, child, ids);
      } else {
        p.add(`${at}.component.type`, 'Component type not allowed in a modal label');
      }
    } else if (top.type === 1) {
      const children = p.count(`${at}.components`, top.components, 1, 1);
      for (const [j, child] of children.entries()) {
        if (isObject(child) && child.type === 4) checkTextInput(p, `${at}.components.${j}`, child, ids, true);
        else p.add(`${at}.components.${j}.type`, 'Only text inputs in a modal action row');
      }
    } else if (top.type !== 10) {
      p.add(`${at}.type`, 'Component type not allowed in a modal');
    }
  }
  return refusal(p);
}

function refusal(p: Problems): PayloadRefusal | null {
  if (p.first === undefined) return null;
  return { status: 400, code: DISCORD_ERROR.invalidFormBody, message: 'Invalid Form Body', problem: p.first };
}
