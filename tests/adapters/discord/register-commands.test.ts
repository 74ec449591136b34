import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDiscordCommands } from '../../../src/adapters/discord/register-commands.ts';
import { FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { settingsFor } from './discord-test-kit.ts';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake.close();
});

interface CommandJson {
  name: string;
  options: Array<{ name: string; options?: Array<{ name: string; autocomplete?: boolean; required?: boolean }> }>;
}

describe('registerDiscordCommands', () => {
  it('GIVEN a guild id WHEN registering THEN /jamun is put in that guild with every staff verb and round autocomplete', async () => {
    const count = await registerDiscordCommands(settingsFor(fake), { guildId: fake.guild.id });
    expect(count).toBe(1);
    const [command] = (fake.commands.get(fake.guild.id) ?? []) as CommandJson[];
    expect(command?.name).toBe('jamun');
    const subcommands = command?.options.map((o) => o.name) ?? [];
    expect(subcommands).toEqual(
      expect.arrayContaining(['open', 'status', 'remind', 'extend', 'close', 'summary', 'export', 'help']),
    );
    const open = command?.options.find((o) => o.name === 'open');
    expect(open?.options?.[0]).toMatchObject({ name: 'round', autocomplete: true, required: true });
    const extend = command?.options.find((o) => o.name === 'extend');
    expect(extend?.options?.map((o) => o.name)).toEqual(['until', 'round']);
  });

  it('GIVEN no guild id WHEN registering THEN the command is registered globally', async () => {
    const settings = { ...settingsFor(fake), guildId: undefined };
    await registerDiscordCommands(settings);
    expect(fake.commands.get('global')).toHaveLength(1);
  });
});
