import { runMessengerContract } from '../../core/messenger-contract.ts';
import { nextSnowflake } from '../../fakes/discord/fake-discord-state.ts';
import { startDiscordKit } from './discord-test-kit.ts';

runMessengerContract('discord', async () => {
  const staffChannelId = nextSnowflake();
  const kit = await startDiscordKit({ guild: { channels: [{ id: staffChannelId, name: 'staff' }] } });
  const member = {
    memberId: 'm-reach',
    userId: nextSnowflake(),
    name: '강도영',
    locale: 'ko' as const,
    timeZone: 'Asia/Seoul',
  };
  const unreachable = {
    memberId: 'm-closed',
    userId: nextSnowflake(),
    name: '김정환',
    locale: 'ko' as const,
    timeZone: 'Asia/Seoul',
  };
  kit.fake.state.dmClosed.add(unreachable.userId);
  const texts = (messages: Array<{ content: string }>) => messages.map((m) => m.content);
  return {
    messenger: kit.adapter.messenger,
    member,
    unreachable,
    staffChannelId,
    textsForMember: async (userId) => texts(kit.fake.dmMessages(userId)),
    textsInChannel: async (channelId) => texts(kit.fake.channelMessages(channelId)),
    filesInChannel: async (channelId) => kit.fake.channelMessages(channelId).flatMap((m) => m.files.map((f) => f.name)),
    close: () => kit.close(),
  };
});
