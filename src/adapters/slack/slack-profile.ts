/**
 * A Slack user's profile for `/jamun members` (issue 12): `users.info`
 * (scope `users:read`) gives the real name and the IANA time zone (`tz`),
 * and says whether the account is a bot or deactivated (`deleted`).
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports/logger.ts';
import type { PlatformProfile } from '../../core/ports/messenger.ts';
import { slackErrorCode } from './slack-errors.ts';

/** Errors of `users.info` that mean "no such person for this app". */
const NOT_FOUND = new Set(['user_not_found', 'user_not_visible']);

/**
 * The profile of `userId`; null when Slack knows no such user. Without the
 * `users:read` scope (an app installed before it was asked for) the name and
 * zone are unknown: staff type them, and the warning says to reinstall.
 */
export async function slackProfile(
  client: webApi.WebClient,
  userId: string,
  logger: Logger,
): Promise<PlatformProfile | null> {
  try {
    const { user } = await client.users.info({ user: userId });
    if (!user) return null;
    const name = user.profile?.real_name?.trim() || user.real_name?.trim() || user.profile?.display_name?.trim();
    return {
      person: !user.is_bot && !user.deleted && user.id !== 'USLACKBOT',
      ...(name ? { name } : {}),
      ...(user.tz ? { timeZone: user.tz } : {}),
    };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && NOT_FOUND.has(code)) return null;
    if (code === 'missing_scope') {
      logger.warn({ scope: 'users:read' }, 'slack app lacks users:read: reinstall it from config/slack/manifest.yaml');
      return { person: true };
    }
    throw error;
  }
}
