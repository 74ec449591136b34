import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { runMessengerContract } from '../../core/messenger-contract.ts';

runMessengerContract('local', async () => {
  const messenger = new LocalMessenger();
  messenger.failFor('closed-user');
  const address = (userId: string) => ({
    memberId: userId,
    userId,
    name: userId,
    locale: 'ko' as const,
    timeZone: 'Asia/Seoul',
  });
  return {
    messenger,
    member: address('m-kang'),
    unreachable: address('closed-user'),
    staffChannelId: 'staff',
    textsForMember: async (userId) => messenger.messagesIn(messenger.dmChannelOf(userId)).map((m) => m.text),
    textsInChannel: async (channelId) => messenger.messagesIn(channelId).map((m) => m.text),
    filesInChannel: async (channelId) => messenger.messagesIn(channelId).flatMap((m) => m.files),
    close: async () => {},
  };
});
