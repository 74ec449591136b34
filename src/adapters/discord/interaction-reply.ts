/**
 * Answers an interaction within Discord's 3-second window: if the work is
 * not done after `deferAfterMs`, the reply is deferred (ephemeral, so a
 * refusal or member data never shows publicly by accident) and filled in
 * when the work ends. Long texts go out as follow-ups of 2,000 characters.
 * Files (exports, a summary that could not be posted) hold names and
 * answers: they only ever go on an ephemeral message, seen by the requester
 * alone, never into the channel the command was typed in.
 */
import {
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type RepliableInteraction,
} from 'discord.js';
import type { Locale } from '../../core/model.ts';
import type { OutgoingFile } from '../../core/ports/messenger.ts';
import { NO_MENTIONS } from './discord-formatter.ts';
import { dt } from './discord-texts.ts';
import { textFile, withinMessages } from './long-text.ts';

/** What to answer. */
export interface InteractionAnswer {
  text: string;
  ephemeral: boolean;
  /** Rows of buttons, or a select menu alone in its row. */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: OutgoingFile[];
  /** The reader's language, for the note on a reply sent as a file; default Korean. */
  locale?: Locale;
}

/**
 * Discord wants an answer within 3 s; defer well before. Quick work (a
 * stored save) answers directly; anything slower is deferred after 1 s.
 */
const DEFER_AFTER_MS = 1000;

const PENDING = Symbol('pending');

/**
 * Runs `work` and sends its answer, deferring the reply when the work is
 * slow. `deferAfterMs: 0` defers before the work starts: for work that is
 * known to take long (opening a round, a summary), so the acknowledgement
 * never waits behind it.
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  work: () => Promise<InteractionAnswer>,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  if (deferAfterMs <= 0) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await send(interaction, await work(), true);
    return;
  }
  const running = work();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof PENDING>((resolve) => {
    timer = setTimeout(() => resolve(PENDING), deferAfterMs);
  });
  const first = await Promise.race([running, timeout]);
  clearTimeout(timer);
  let deferred = false;
  if (first === PENDING) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    deferred = true;
  }
  const answer = first === PENDING ? await running : first;
  await send(interaction, answer, deferred);
}

/** `answer` within a few messages: when longer, its first message and a note, the whole attached as text. */
function withinReplyMessages(answer: InteractionAnswer): { answer: InteractionAnswer; chunks: string[] } {
  const { chunks, cut } = withinMessages(answer.text, (count) =>
    dt(answer.locale ?? 'ko', 'discord.reply.asFile', { count }),
  );
  if (!cut) return { answer, chunks };
  return { answer: { ...answer, files: [...(answer.files ?? []), textFile('jamun-reply.txt', answer.text)] }, chunks };
}

async function send(interaction: RepliableInteraction, given: InteractionAnswer, deferred: boolean): Promise<void> {
  const { answer, chunks } = withinReplyMessages(given);
  const flags = answer.ephemeral ? MessageFlags.Ephemeral : undefined;
  const files = answer.files?.map((f) => ({ attachment: f.content, name: f.name, contentType: f.mimeType })) ?? [];
  // Files ride on the last chunk only when it is private; else they follow, privately, on their own.
  const filesWithText = answer.ephemeral && files.length > 0;
  const payload = (content: string, index: number) => {
    const isLast = index === chunks.length - 1;
    return {
      content,
      allowedMentions: NO_MENTIONS,
      ...(isLast && answer.components ? { components: answer.components } : {}),
      ...(isLast && filesWithText ? { files } : {}),
    };
  };
  for (const [index, content] of chunks.entries()) {
    if (index === 0 && !deferred) {
      await interaction.reply({ ...payload(content, index), ...(flags ? { flags } : {}) });
    } else if (index === 0 && answer.ephemeral) {
      await interaction.editReply(payload(content, index));
    } else if (index === 0) {
      // The deferred reply is ephemeral; a public answer replaces it.
      await interaction.deleteReply();
      await interaction.followUp(payload(content, index));
    } else {
      await interaction.followUp({ ...payload(content, index), ...(flags ? { flags } : {}) });
    }
  }
  if (files.length > 0 && !filesWithText) {
    await interaction.followUp({ files, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
  }
}
