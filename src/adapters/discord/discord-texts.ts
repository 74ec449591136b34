/**
 * Discord-only texts (`src/core/i18n/sections/discord.ts`), filled like the
 * catalogue's `t`. Kept apart until the section is merged into the catalogue.
 */
import { discordTexts } from '../../core/i18n/sections/discord.ts';
import type { Locale } from '../../core/model.ts';

export type DiscordTextKey = keyof (typeof discordTexts)['ko'];

/** The Discord text `key` in `locale`, `{placeholders}` filled. */
export function dt(locale: Locale, key: DiscordTextKey, params: Record<string, string | number> = {}): string {
  const template: string = discordTexts[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
