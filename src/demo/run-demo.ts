/**
 * `jamun demo`: replays the report's round on a simulated clock through the
 * real core, the embedded SQLite store and the local messenger, prints a
 * timeline and the staff summary, and writes the exports.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load-config.ts';
import { LocalMessenger, type LocalMessage } from '../adapters/local/local-messenger.ts';
import { createPrismaStore } from '../adapters/prisma/prisma-store.ts';
import { createJamunApp } from '../core/app/create-app.ts';
import { createBusinessCalendar } from '../core/calendar/index.ts';
import { describeError } from '../core/i18n/catalogue.ts';
import type { Actor, Committee } from '../core/model.ts';
import { ManualClock } from '../core/ports/clock.ts';
import { silentLogger } from '../core/ports/logger.ts';
import { formatLocal, formatOfficialDate, instantOf, localDateOf } from '../core/time.ts';
import { advanceClock } from './advance-clock.ts';
import type { MemberMessageRecord } from './member-messages-doc.ts';
import { REPORT_FORMATS, renderReportFile } from '../adapters/report/render-report.ts';
import type { ReportDocument, ReportFormat } from '../core/report/report-model.ts';
import {
  DEMO_ACTIONS,
  DEMO_MEMBERS,
  DEMO_NOTE,
  DEMO_STEPS,
  DEMO_SYNTHESES,
  OPINIONS,
  type DemoStep,
} from './demo-script.ts';
import { writeDemoMaterials } from './demo-materials.ts';

/** Where the demo writes: its story to `out`, problems to `err` (the CLI passes its stdout and stderr). */
interface DemoOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface DemoOptions {
  config: LoadedConfig;
  outDir: string;
  output: DemoOutput;
  roundId?: string;
  /**
   * The report documents to write (default all). Rendering them is most of
   * the demo's CPU (the PDF embeds a subset of a Hangul font): a test that
   * looks at the round renders them on its own.
   */
  reportFormats?: readonly ReportFormat[];
}

export interface DemoResult {
  reminders: Array<{ member: string; at: Date }>;
  /** Every message members received, and the replies to their own actions, in order. */
  memberMessages: MemberMessageRecord[];
  files: string[];
  summaryText: string;
  /** The result report of the round, as the documents render it. */
  report: ReportDocument;
}

const ZONE = 'Asia/Seoul';

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { config, output } = options;
  const roundId = options.roundId ?? '2024-1';
  const definition = config.rounds.find((r) => r.id === roundId);
  if (!definition) throw new Error(`The demo needs round ${roundId} in the configuration`);
  const seed = config.committees.find((c) => c.id === definition.committeeId) as Committee;
  // The seed round's agenda, window and honorarium, answered by invented members: no statement
  // is attributed to a real person.
  const committee: Committee = { ...seed, members: DEMO_MEMBERS };
  const committees = config.committees.map((c) => (c.id === committee.id ? committee : c));

  mkdirSync(options.outDir, { recursive: true });
  const dbFile = path.join(options.outDir, 'demo.db');
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const store = await createPrismaStore(`file:${dbFile}`);
  // The seed round has no materials of its own: the demo adds a small file and a link.
  const materials = writeDemoMaterials(options.outDir);
  const rounds = config.rounds.map((r) => (r.id === roundId ? { ...r, materials } : r));

  const steps = [...DEMO_STEPS].sort((a, b) => a.at.localeCompare(b.at));
  const clock = new ManualClock(at(steps[0]?.at ?? '2024-02-08 09:00'));
  const local = new LocalMessenger();
  const app = createJamunApp({
    store,
    messengers: [local],
    committees,
    rounds,
    clock,
    logger: silentLogger,
  });
  const nameOf = (userId: string) => committee.members.find((m) => m.platforms.local === userId)?.name ?? userId;
  const reminders: DemoResult['reminders'] = [];
  const memberMessages: MemberMessageRecord[] = [];
  const received = (member: string, kind: string, text: string) =>
    memberMessages.push({ at: formatOfficialDate(clock.now(), ZONE, 'ko'), member, kind, text });
  const line = (text: string) => output.out(`${formatOfficialDate(clock.now(), ZONE, 'ko')}  ${text}`);

  local.onMessage = (m: LocalMessage) => {
    const who = m.channelId.startsWith('dm:') ? nameOf(m.channelId.slice(3)) : `#${m.channelId}`;
    if (m.kind === 'reminder') reminders.push({ member: who, at: clock.now() });
    if (m.channelId.startsWith('dm:')) received(who, m.kind, m.text);
    if (m.kind === 'progress') line(`📊 ${who}: ${m.text.split('\n')[0]}`);
    else if (m.kind !== 'summary') line(`📨 → ${who}: ${label(m.kind)}`);
  };

  output.out(`jamun demo — ${definition.title}`);
  output.out(DEMO_NOTE);
  output.out(
    `${committee.name}, ${committee.members.length}명, ${definition.window.opens.replace('T', ' ')} ~ ${definition.window.closes.replace('T', ' ')} (${ZONE})\n`,
  );
  for (const step of steps) {
    await advanceClock(app, store, clock, at(step.at));
    await perform(step);
    await app.runDueJobs();
  }
  await advanceClock(app, store, clock, at('2024-02-16 09:00'));
  const summaryMessage = local.messagesIn(committee.staffChannels.local ?? 'staff').find((m) => m.kind === 'summary');
  const summaryText = summaryMessage?.text ?? '(no summary was posted)';
  output.out(`\n──────── 사무국 채널에 게시된 요약 (staff channel) ────────\n${summaryText}`);

  await advanceClock(app, store, clock, at('2024-02-19 10:00'));
  await writeFollowUp(steps[0]?.kind === 'open' ? steps[0].by : 'staff');

  const files: string[] = [];
  for (const format of ['md', 'csv', 'json'] as const) {
    const reply = await app.runAsOperator({ verb: 'export', roundId, format });
    for (const file of reply.files ?? []) {
      const target = path.join(options.outDir, file.name);
      writeFileSync(target, file.content);
      files.push(target);
    }
  }
  const report = await app.report(roundId, { note: DEMO_NOTE });
  if (!report.ok) throw new Error(`The demo report failed: ${describeError(report.error, 'ko')}`);
  for (const format of options.reportFormats ?? REPORT_FORMATS) {
    const file = await renderReportFile(report.value, format, 'report');
    const target = path.join(options.outDir, file.name);
    writeFileSync(target, file.content);
    files.push(target);
  }
  output.out(`\n──────── 점검 (checks) ────────`);
  const calendar = createBusinessCalendar(committee.calendar);
  for (const r of reminders) {
    const day = localDateOf(r.at, ZONE);
    const hour = Number(formatLocal(r.at, ZONE).slice(11, 13));
    const ok = calendar.isBusinessDay(day) && hour >= 8 && hour < 21;
    output.out(
      `재안내 ${formatOfficialDate(r.at, ZONE, 'ko')} → ${r.member}: ${ok ? '근무일, 08–21시 ✓' : '✗ 휴일 또는 심야'}`,
    );
  }
  output.out(`내보낸 파일: ${files.join(', ')}`);
  await store.close();
  return { reminders, memberMessages, files, summaryText, report: report.value };

  /** Staff write the synthesis of each item and the follow-up actions, as from chat (audited). */
  async function writeFollowUp(by: string): Promise<void> {
    const staff: Actor = { platform: 'local', userId: by };
    for (const { itemId, text } of DEMO_SYNTHESES) {
      const reply = await app.runStaffCommand(staff, { verb: 'synthesis', roundId, target: itemId, text });
      line(`📝 사무국(${by}) synthesis ${itemId}: ${reply.text}`);
    }
    for (const action of DEMO_ACTIONS) {
      const input = { text: action.text, department: action.department, due: action.due, questions: action.questions };
      const added = await app.runStaffCommand(staff, { verb: 'action', roundId, actionOp: 'add', actionInput: input });
      line(`📌 사무국(${by}) action add: ${added.text.split('\n')[0]}`);
      const stored = (await store.listActions(roundId)).find((a) => a.text === action.text);
      if (action.done && stored) {
        const actionNumber = stored.number;
        const done = await app.runStaffCommand(staff, { verb: 'action', roundId, actionOp: 'done', actionNumber });
        line(`📌 사무국(${by}) action done ${actionNumber}: ${done.text.split('\n')[0]}`);
      }
    }
  }

  async function perform(step: DemoStep): Promise<void> {
    if (step.kind === 'open') {
      const reply = await app.runStaffCommand({ platform: 'local', userId: step.by }, { verb: 'open', roundId });
      line(`🗂  사무국(${step.by}) open ${roundId}: ${reply.text}`);
      return;
    }
    const actor: Actor = { platform: 'local', userId: step.member };
    const name = nameOf(step.member);
    const index = committee.members.findIndex((m) => m.platforms.local === step.member);
    const questions = definition!.agenda.flatMap((i) => i.questions);
    const opinion = (qid: string) => OPINIONS[qid]?.[index] ?? '';
    if (step.kind === 'draft') {
      const r = await app.saveDraft(
        actor,
        roundId,
        step.questionIds.map((qid) => ({ questionId: qid, value: opinion(qid) })),
      );
      if (r.ok) received(name, 'reply', r.value.message);
      line(`✏️  ${name}: ${r.ok ? `임시 저장 (${step.questionIds.join(', ')})` : describeError(r.error, 'ko')}`);
    } else if (step.kind === 'submit') {
      const r = await app.submit(
        actor,
        roundId,
        questions.map((q) => ({ questionId: q.id, value: opinion(q.id) })),
      );
      if (r.ok) received(name, 'reply', r.value.message);
      line(`✅ ${name}: ${r.ok ? '제출' : describeError(r.error, 'ko')}`);
    } else if (step.kind === 'edit') {
      const r = await app.submit(actor, roundId, [{ questionId: step.questionId, value: step.text }]);
      if (r.ok) received(name, 'reply', r.value.message);
      line(`🔁 ${name}: ${r.ok ? `제출 후 수정 (자문내용 ${step.questionId})` : describeError(r.error, 'ko')}`);
    } else {
      await app.markAsked(actor, roundId, step.questionId);
      const r = await app.reply(actor, step.text);
      line(`💬 ${name}: ${r.ok ? r.value.message : describeError(r.error, 'ko')}`);
    }
  }
}

function at(local: string): Date {
  const instant = instantOf(local, ZONE);
  if (!instant) throw new Error(`bad demo time ${local}`);
  return instant;
}

function label(kind: string): string {
  const labels: Record<string, string> = {
    invitation: '자문 요청 (invitation)',
    reminder: '독촉 안내 (reminder)',
    receipt: '제출 확인 (receipt)',
    notice: '안내 (notice)',
  };
  return labels[kind] ?? kind;
}
