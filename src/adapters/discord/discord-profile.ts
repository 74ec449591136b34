/**
 * A Discord user's profile for `/jamun members` (issue 12): `GET
 * /users/{id}` gives the global display name (else the username) and
 * whether the account is a bot. Discord keeps no time zone: the core uses
 * the committee's.
 */
import { DiscordAPIError, type Client } from 'discord.js';
import type { PlatformProfile } from '../../core/ports/messenger.ts';

/** Discord's "Unknown User". */
const UNKNOWN_USER = 10013;

/** The profile of `userId`; null when Discord knows no such user. */
export async function discordProfile(client: Client, userId: string): Promise<PlatformProfile | null> {
  try {
    const user = await client.users.fetch(userId);
    const name = user.globalName?.trim() || user.username.trim();
    return { person: !user.bot && !user.system, ...(name ? { name } : {}) };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === UNKNOWN_USER) return null;
    throw error;
  }
}
