/**
 * What Discord refuses when a bot registers application commands (PUT
 * `/applications/{id}/commands`), per the Application Commands docs: names
 * of 1–32 lowercase characters, descriptions (and their localizations) of
 * 1–100, at most 25 options (and 25 subcommands), required options before
 * optional ones, at most 25 choices and none with autocomplete, option
 * types 1–11 with subcommands only at the top, and at most 8,000 characters
 * of names, descriptions and choice values in one command. A refusal is
 * `50035 Invalid Form Body` with the path of the offending field.
 */
import { DISCORD_ERROR } from '../../../src/adapters/discord/discord-limits.ts';
import type { PayloadRefusal } from './validate-payload.ts';

type Json = Record<string, unknown>;

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
const MAX_DESCRIPTION = 100;
const MAX_COMMAND_CHARS = 8000;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const ATTACHMENT = 11;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

class CommandProblems {
  first: string | undefined;
  chars = 0;
  add(path: string, what: string): void {
    this.first ??= `${path}: ${what}`;
  }
  name(path: string, value: unknown): void {
    const name = typeof value === 'string' ? value : '';
    this.chars += name.length;
    if (!NAME.test(name) || name !== name.toLowerCase()) this.add(`${path}.name`, 'Command name is invalid');
  }
  description(path: string, item: Json): void {
    const text = typeof item.description === 'string' ? item.description : '';
    this.chars += text.length;
    if (text.length < 1 || text.length > MAX_DESCRIPTION)
      this.add(`${path}.description`, `Must be between 1 and ${MAX_DESCRIPTION} in length.`);
    const localized = isObject(item.description_localizations) ? item.description_localizations : {};
    for (const [locale, value] of Object.entries(localized)) {
      const l = typeof value === 'string' ? value.length : 0;
      if (l < 1 || l > MAX_DESCRIPTION)
        this.add(`${path}.description_localizations.${locale}`, `Must be between 1 and ${MAX_DESCRIPTION} in length.`);
    }
  }
}

function checkOptions(p: CommandProblems, path: string, options: unknown, depth: number): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    p.add(path, 'Must be an array');
    return;
  }
  if (options.length > MAX_OPTIONS) p.add(path, `Must be ${MAX_OPTIONS} or fewer in length.`);
  let optionalSeen = false;
  const names = new Set<string>();
  for (const [i, option] of options.entries()) {
    const at = `${path}.${i}`;
    if (!isObject(option)) continue;
    p.name(at, option.name);
    p.description(at, option);
    const name = String(option.name);
    if (names.has(name)) p.add(`${at}.name`, 'Application command option names must be unique');
    names.add(name);
    const type = Number(option.type);
    if (!Number.isInteger(type) || type < SUBCOMMAND || type > ATTACHMENT)
      p.add(`${at}.type`, 'Value is not a valid enum value.');
    const nested = type === SUBCOMMAND || type === SUBCOMMAND_GROUP;
    if (nested && depth > 0 && !(depth === 1 && type === SUBCOMMAND))
      p.add(`${at}.type`, 'Sub-commands cannot be nested here');
    if (nested) {
      checkOptions(p, `${at}.options`, option.options, depth + 1);
      continue;
    }
    if (option.required === true && optionalSeen)
      p.add(`${at}.required`, 'Required options must be placed before non-required options');
    if (option.required !== true) optionalSeen = true;
    const choices = Array.isArray(option.choices) ? option.choices : [];
    if (choices.length > MAX_CHOICES) p.add(`${at}.choices`, `Must be ${MAX_CHOICES} or fewer in length.`);
    if (choices.length > 0 && option.autocomplete === true)
      p.add(`${at}.autocomplete`, 'Autocomplete cannot be set with choices');
    for (const choice of choices) {
      if (isObject(choice)) p.chars += String(choice.name ?? '').length + String(choice.value ?? '').length;
    }
  }
}

/** One command of a PUT body, or the refusal. */
export function validateCommands(commands: unknown[]): PayloadRefusal | null {
  for (const [i, command] of commands.entries()) {
    const p = new CommandProblems();
    if (!isObject(command)) continue;
    p.name(`${i}`, command.name);
    p.description(`${i}`, command);
    checkOptions(p, `${i}.options`, command.options, 0);
    if (p.chars > MAX_COMMAND_CHARS) p.add(`${i}`, `Command exceeds maximum size (${MAX_COMMAND_CHARS})`);
    if (p.first !== undefined) {
      return { status: 400, code: DISCORD_ERROR.invalidFormBody, message: 'Invalid Form Body', problem: p.first };
    }
  }
  return null;
}
