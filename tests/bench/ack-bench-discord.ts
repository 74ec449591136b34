/**
 * The Discord half of the ack bench (`ack-bench.ts` is Slack's): the real
 * `jamun start` (a child process: SQLite, the core, the job runner,
 * discord.js) against the fake Discord, which enforces Discord's limits
 * (`DISCORD_LIMITS`: 50 requests a second, 25 DM opens a second) while the
 * invitation fan-out to 1,000 more members runs and receipts go out.
 *
 * On Discord a page of the questionnaire is a modal of at most 5 text inputs,
 * so the two agenda items of 10 questions are 4 modals, and 200 members who
 * have the first modal open go through the bot's own flow in lockstep, each
 * step all at once: submit the modal (5 answers of 1,500 characters; the
 * reply carries Next), press Next (the reply is the next modal, which cannot
 * be deferred), … and Submit after the last modal: 8 acks a member. One ack
 * is an interaction's initial response (a modal, a reply or a deferral),
 * timed at the fake from dispatching INTERACTION_CREATE to receiving the
 * callback; Discord refuses a callback after 3 s (10062 Unknown interaction,
 * which the fake enforces), and such an ack is timed when the refusal is
 * seen. `ACK_BURST`, `ACK_FANOUT` and `ACK_PROFILE` work as on Slack.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeCustomId } from '../../src/adapters/discord/custom-ids.ts';
import { DISCORD_ERROR } from '../../src/adapters/discord/discord-limits.ts';
import { MODAL_MAX_FIELDS } from '../../src/adapters/discord/questionnaire-pages.ts';
import { buttonsOf, modalOf } from '../adapters/discord/discord-app-kit.ts';
import { seedConfig } from '../fakes/app-harness.ts';
import { FakeDiscord } from '../fakes/discord/fake-discord.ts';
import type { FakeInteraction, FakeMessage } from '../fakes/discord/fake-discord-state.ts';
import {
  againstBot,
  allAnsweredTarget,
  answerText,
  BURST,
  benchConfig,
  latencyFigures,
  latencyTargets,
  QUESTIONS_PER_PAGE,
  ROUND,
  startBot,
  WAIT_ACK_MS,
  waitUntil,
} from './ack-bench-kit.ts';
import { DISCORD_LIMITS } from './discord-fanout.ts';
import type { SuiteResult } from './targets.ts';

/** Member i's Discord user id: a snowflake of 19 digits, quoted in YAML (an unquoted one would be rounded). */
const discordIdOf = (i: number): string => `13000000000000${String(i).padStart(5, '0')}`;
const OPEN_ID = encodeCustomId({ kind: 'open', roundId: ROUND, page: 0 });
const DECLINE_ID = encodeCustomId({ kind: 'decline', roundId: ROUND });
const SUBMIT_ID = encodeCustomId({ kind: 'submit', roundId: ROUND });
/**
 * Steps a member takes: each modal is submitted and, but after the last, Next
 * opens the following one; then Submit. Two agenda items of 10 answers of
 * 1,500 characters (one text input each) make 4 modals of 5: 8 steps.
 */
const STEPS = 2 * Math.ceil((2 * QUESTIONS_PER_PAGE) / MODAL_MAX_FIELDS);
/** Next under a saved page opens the following page's modal at once (`fill`); its page number follows. */
const NEXT_PREFIX = encodeCustomId({ kind: 'fill', roundId: ROUND, page: 0 }).split('|').slice(0, 2).join('|');

type Modal = ReturnType<typeof modalOf>;

/** What a member does next, read from the bot's answer to their last interaction. */
type Step =
  | { kind: 'modal'; modal: Modal; from: FakeMessage | undefined }
  | { kind: 'press'; message: FakeMessage; customId: string; label: 'Next' | 'Submit' };

/** One member's interaction in a burst and how it ended. */
interface Ack {
  interaction: FakeInteraction;
  /** Dispatch to initial response (or to the refusal seen), ms; undefined while neither came. */
  ms?: number;
  refused?: boolean;
  /** Answered with what comes next: Next or Submit under a saved page, the next modal, Submit's reply. */
  acknowledged: boolean;
  /** The member's step in the next burst, if any (none after Submit). */
  next?: Step;
}

/**
 * The next step the answer offers: the modal a press opened, else Next
 * (preferred: it leads through every page) or Submit under the reply.
 * Undefined when the answer offers neither (the member is through).
 */
function nextStep(interaction: FakeInteraction, from: FakeMessage | undefined): Step | undefined {
  if (interaction.callbacks.some((c) => c.type === 9)) return { kind: 'modal', modal: modalOf(interaction), from };
  for (const message of [...interaction.messages].reverse()) {
    const buttons = buttonsOf(message);
    const press =
      buttons.find((b) => b.custom_id?.startsWith(`${NEXT_PREFIX}|`)) ?? buttons.find((b) => b.custom_id === SUBMIT_ID);
    if (press?.custom_id) {
      const label = press.custom_id === SUBMIT_ID ? 'Submit' : 'Next';
      return { kind: 'press', message, customId: press.custom_id, label };
    }
  }
  return undefined;
}

/** Answered as the member sees it: a modal, or a message with text (a deferral alone is not yet). */
const settled = (interaction: FakeInteraction): boolean =>
  interaction.callbacks.some((c) => c.type === 9) || interaction.messages.some((m) => m.content !== '');

/** Every text input of `modal`: the first part of a question gets its answer, any continuation stays empty. */
function filled(modal: Modal, memberId: string): Record<string, string> {
  return Object.fromEntries(
    modal.components.map(({ component }) => {
      const [questionId, part] = component.custom_id.split('#');
      return [component.custom_id, part === '0' ? answerText(questionId ?? '', memberId) : ''];
    }),
  );
}

/** Ids of the interactions whose callback Discord refused as too late (10062), from `refusals[from]` on. */
function refusedSince(fake: FakeDiscord, from: number, into: Set<string>): number {
  const { refusals } = fake.state;
  for (const refusal of refusals.slice(from)) {
    const id = /^\/interactions\/(\d+)\//.exec(refusal.path)?.[1];
    if (id && refusal.code === DISCORD_ERROR.unknownInteraction) into.add(id);
  }
  return refusals.length;
}

/**
 * Dispatches every member's step at once (one INTERACTION_CREATE each, in one
 * turn), then waits until each is answered, refused or WAIT_ACK_MS passed.
 */
async function burst(fake: FakeDiscord, steps: Map<string, Step>): Promise<Map<string, Ack>> {
  const refused = new Set<string>();
  let seen = refusedSince(fake, 0, refused);
  const acks = new Map<string, Ack>();
  for (const [memberId, step] of steps) {
    const interaction =
      step.kind === 'modal'
        ? fake.submitModal(memberId, step.modal.custom_id, filled(step.modal, memberId), step.from)
        : fake.clickButton(memberId, step.message, step.customId);
    acks.set(memberId, { interaction, acknowledged: false });
  }
  const deadline = Date.now() + WAIT_ACK_MS;
  for (;;) {
    seen = refusedSince(fake, seen, refused);
    let waiting = 0;
    for (const ack of acks.values()) {
      const { interaction } = ack;
      if (ack.ms === undefined && interaction.answeredAt !== undefined)
        ack.ms = interaction.answeredAt - interaction.createdAt;
      if (ack.ms === undefined && refused.has(interaction.id)) {
        // Discord forgets the interaction: the member sees "This interaction failed". Timed when seen: a poll (10 ms) late, more if this process is busy.
        ack.ms = Date.now() - interaction.createdAt;
        ack.refused = true;
      }
      if (ack.refused || settled(interaction)) continue;
      waiting += 1;
    }
    if (waiting === 0 || Date.now() > deadline) break;
    await sleep(10);
  }
  for (const [memberId, ack] of acks) {
    const step = steps.get(memberId);
    if (ack.refused || !step) continue;
    if (step.kind === 'press' && step.customId === SUBMIT_ID) {
      ack.acknowledged = settled(ack.interaction);
      continue;
    }
    // A modal opened from a message's button is submitted with that message (Discord sends it along).
    ack.next = nextStep(ack.interaction, step.kind === 'press' ? step.message : undefined);
    // A saved page offers a press, a press opens a modal: the other kind would be a step backwards or sideways.
    ack.acknowledged = ack.next !== undefined && ack.next.kind !== step.kind;
  }
  return acks;
}

export async function runDiscordAckBench(): Promise<SuiteResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-ack-bench-discord-'));
  const config = benchConfig(dir, (i) => `discord: '${discordIdOf(i)}'`);
  const committee = seedConfig().committees[0];
  const staff = committee?.staff.userIds.discord?.[0] ?? '';
  const channel = committee?.staffChannels.discord ?? '';
  const fake = await FakeDiscord.start({
    token: 'discord-ack-bench-token',
    guild: {
      channels: [{ id: channel, name: 'staff' }],
      roles: (committee?.staff.discordRoleIds ?? []).map((id) => ({ id, name: 'secretariat' })),
    },
    limits: DISCORD_LIMITS,
  });
  const bot = startBot(dir, config, {
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guild.id,
    DISCORD_API_URL: fake.apiUrl,
  });
  const { child } = bot;
  /**
   * The first DM message of each member that `is`, read channel by channel
   * from the fake's store: `dmMessages` looks each DM up by scanning every
   * channel, too slow to poll for 1,200 members.
   */
  const dms = (is: (message: FakeMessage, ids: Array<string | undefined>) => boolean): Map<string, FakeMessage> => {
    const found = new Map<string, FakeMessage>();
    for (const [channelId, messages] of fake.state.messages) {
      const recipient = fake.state.channels.get(channelId)?.recipientId;
      const message = messages.find((m) =>
        is(
          m,
          buttonsOf(m).map((b) => b.custom_id),
        ),
      );
      if (recipient && message) found.set(recipient, message);
    }
    return found;
  };
  const invitations = (): Map<string, FakeMessage> => dms((_, ids) => ids.includes(DECLINE_ID));
  // A receipt is sent by the job runner (not as an answer to Submit), with Edit (an open button) and no Decline.
  const receipts = (): number =>
    dms((m, ids) => m.viaInteraction === undefined && ids.includes(OPEN_ID) && !ids.includes(DECLINE_ID)).size;
  /** Messages the job runner sent a member after their invitation: the receipt's chunks (2,000 characters each). */
  const receiptMessages = (memberId: string): number => {
    const messages = fake.dmMessages(memberId);
    const invitation = messages.findIndex((m) => buttonsOf(m).some((b) => b.custom_id === DECLINE_ID));
    return messages.slice(invitation + 1).filter((m) => m.viaInteraction === undefined).length;
  };
  return againstBot(bot, fake, dir, async () => {
    await waitUntil(() => bot.stdout().includes('jamun is running'), '"jamun is running"', 120_000, child);
    await fake.gateway.waitForReady();
    // Staff run `/jamun open` and press Open on its confirmation.
    await fake.openConfirmed(staff, ROUND, channel, WAIT_ACK_MS, 'acknowledged');
    await waitUntil(() => invitations().size >= BURST, `${BURST} invitations`, 300_000, child);
    const members = [...invitations()].slice(0, BURST);
    // Each member presses Answer, one after the other (not measured): the first modal is open.
    let steps = new Map<string, Step>();
    for (const [id, invitation] of members) {
      const press = fake.clickButton(id, invitation, OPEN_ID);
      await waitUntil(() => settled(press), `the first modal of ${id}`, 60_000, child);
      const step = nextStep(press, invitation);
      if (step?.kind !== 'modal') throw new Error(`Answer did not open a modal for ${id}: ${JSON.stringify(press)}`);
      steps.set(id, step);
    }
    const invitedBefore = invitations().size;
    const cpuBefore = bot.cpuSeconds();
    const bursts: Array<{ what: string; acks: Ack[] }> = [];
    let pageNumber = 0;
    while (steps.size > 0) {
      // Members move in lockstep, so one burst is one kind of step.
      const first = [...steps.values()][0];
      pageNumber += first?.kind === 'modal' ? 1 : 0;
      const what = first?.kind === 'press' ? first.label : `page ${pageNumber}`;
      const acks = await burst(fake, steps);
      bursts.push({ what, acks: [...acks.values()] });
      steps = new Map([...acks].flatMap(([id, ack]): Array<[string, Step]> => (ack.next ? [[id, ack.next]] : [])));
    }
    const burstCpu = bot.cpuSeconds() - cpuBefore;
    const invitedAfter = invitations().size;
    const receiptsBy = Date.now() + 120_000;
    while (receipts() < members.length && Date.now() < receiptsBy) await sleep(100);
    const acks = bursts.flatMap((b) => b.acks);
    const all = acks.map((a) => a.ms ?? WAIT_ACK_MS);
    const submitted = bursts.at(-1)?.what === 'Submit' ? (bursts.at(-1)?.acks ?? []) : [];
    const refused = acks.filter((a) => a.refused).length;
    const missing = acks.filter((a) => a.ms === undefined).length;
    return {
      figures: {
        ...latencyFigures(all, burstCpu),
        'acks measured (by step)': `${all.length} (${bursts.map((b) => `${b.what} ${b.acks.length}`).join(', ')})`,
        'acks deferred (answer followed later)': acks.filter((a) =>
          a.interaction.callbacks.some((c) => c.type === 5 || c.type === 6),
        ).length,
        'members submitted (a reply to Submit)': `${submitted.filter((a) => settled(a.interaction)).length} / ${members.length}`,
        'receipts delivered (within 120 s)': `${receipts()} / ${members.length}`,
        'members invited during the bursts (fan-out running)': invitedAfter - invitedBefore,
        // Receipts go first in the job queue: a long one holds a lane while its messages wait for the DM's bucket.
        'members invited while receipts went out': invitations().size - invitedAfter,
        'DM messages of one receipt (all answers quoted)': receiptMessages(members[0]?.[0] ?? ''),
        'acks refused after 3 s (10062) / missing': `${refused} / ${missing}`,
        'REST 429s from the fake (global / bucket)': `${fake.limiter.refused.global} / ${fake.limiter.refused.bucket}`,
        'bot stderr (last line)': bot.stderr().trim().split('\n').at(-1) ?? '',
      },
      targets: [
        ...latencyTargets('discord', all),
        // Each modal submit answered with Next (or Submit after the last), each Next with the next modal, Submit with its reply.
        allAnsweredTarget(
          'discord steps acknowledged with the next step',
          acks.filter((a) => a.acknowledged).length,
          members.length * STEPS,
        ),
      ],
    };
  });
}
