/**
 * Lookup of the Slack-only catalogue section. It reads the section directly
 * so the adapter works whether or not the section is merged into the shared
 * catalogue yet; placeholders are filled exactly as `t` does.
 */
import type { Locale } from '../../core/model.ts';
import { slackTexts } from '../../core/i18n/sections/slack.ts';

export type SlackTextKey = keyof (typeof slackTexts)['ko'];

/** The Slack-only text of `key` in `locale`, `{placeholders}` filled. */
export function st(locale: Locale, key: SlackTextKey, params: Record<string, string | number> = {}): string {
  return slackTexts[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
