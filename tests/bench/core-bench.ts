/**
 * Core figures: compiling the summary of a large synthetic round, and
 * recording answer saves through the core into SQLite. Reports, never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMemoryStore } from '../../src/adapters/memory/memory-store.ts';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import { createJamunApp } from '../../src/core/app/create-app.ts';
import type { Answer, Committee, Invitation, Member, Round, RoundDefinition } from '../../src/core/model.ts';
import { ManualClock } from '../../src/core/ports/clock.ts';
import { silentLogger } from '../../src/core/ports/logger.ts';
import { compileSummary, renderSummaryCsv, renderSummaryMarkdown } from '../../src/core/summary/index.ts';

const OPENS = new Date('2024-02-08T00:00:00Z');

function syntheticCommittee(members: number): Committee {
  const list: Member[] = Array.from({ length: members }, (_, i) => ({
    id: `m${i}`,
    name: `위원${i}`,
    platforms: { local: `u${i}` },
    active: true,
  }));
  return {
    id: 'bench',
    name: '벤치마크 위원회',
    timeZone: 'Asia/Seoul',
    locale: 'ko',
    staff: { userIds: { local: ['staff'] }, discordRoleIds: [] },
    staffChannels: {},
    honorarium: { amount: 100000, currency: 'KRW' },
    calendar: { country: 'KR', extraClosedDays: [], extraWorkingDays: [], quietHours: { start: '21:00', end: '08:00' }, remindOnClosedDays: false },
    members: list,
  };
}

function syntheticRound(questions: number): RoundDefinition {
  const perItem = Math.ceil(questions / 2);
  return {
    id: 'bench-1',
    committeeId: 'bench',
    title: '벤치마크 회차',
    agenda: [0, 1].map((item) => ({
      id: String(item + 1),
      title: `안건 ${item + 1}`,
      questions: Array.from({ length: perItem }, (_, q) => ({
        id: `${item + 1}.${q + 1}`,
        prompt: `질문 ${item + 1}.${q + 1}`,
        kind: 'long_text' as const,
        required: true,
        maxLength: 4000,
      })),
    })),
    window: { opens: '2024-02-08T09:00', closes: '2024-02-15T18:00' },
    anonymous: false,
    allowLate: false,
    reminders: { slots: [], graceMinutes: 120 },
  };
}

/** Peak RSS while `work` runs, sampled every few milliseconds. */
async function withPeakRss<T>(work: () => T): Promise<{ result: T; peakMb: number; ms: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  await new Promise((r) => setTimeout(r, 10));
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, peakMb: peak / 1024 / 1024, ms };
}

export async function runCompileBench(members = 500, questions = 20, answerChars = 1500): Promise<Record<string, number | string>> {
  const committee = syntheticCommittee(members);
  const def = syntheticRound(questions);
  const round: Round = { ...def, status: 'closed', opensAt: OPENS, closesAt: new Date('2024-02-15T09:00:00Z') };
  const text = '지역상생 교류 사업의 성과를 평가하고 개선 방안을 제안합니다. '.repeat(Math.ceil(answerChars / 34)).slice(0, answerChars);
  const invitations: Invitation[] = committee.members.map((m) => ({ roundId: round.id, memberId: m.id, deliveryState: 'delivered', late: false, submittedAt: new Date('2024-02-13T01:00:00Z') }));
  const answers: Answer[] = [];
  for (const m of committee.members) {
    for (const item of round.agenda) {
      for (const q of item.questions) {
        answers.push({ roundId: round.id, memberId: m.id, questionId: q.id, value: { kind: 'text', text }, status: 'submitted', revision: 1, updatedAt: OPENS });
      }
    }
  }
  const baseline = process.memoryUsage().rss / 1024 / 1024;
  const compiled = await withPeakRss(() =>
    compileSummary({ round, committee, invitations, answers, generatedAt: new Date(), locale: 'ko', businessDays: 4 }),
  );
  const md = await withPeakRss(() => renderSummaryMarkdown(compiled.result, { audience: 'staff' }));
  const csv = await withPeakRss(() => renderSummaryCsv(compiled.result));
  return {
    'summary: members × questions': `${members} × ${questions} (${answers.length} answers of ${answerChars} chars)`,
    'summary: compile ms (target < 1000)': Math.round(compiled.ms),
    'summary: markdown render ms': Math.round(md.ms),
    'summary: csv render ms': Math.round(csv.ms),
    'summary: peak RSS MB (target < 300)': Math.round(Math.max(compiled.peakMb, md.peakMb, csv.peakMb)),
    'summary: RSS before MB': Math.round(baseline),
  };
}

export async function runSaveBench(saves = 10_000): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-bench-'));
  const store = await createPrismaStore(`file:${path.join(dir, 'bench.db')}`);
  try {
    const committee = syntheticCommittee(100);
    const def = syntheticRound(20);
    const clock = new ManualClock(new Date('2024-02-08T01:00:00Z'));
    const app = createJamunApp({ store, messengers: [], committees: [committee], rounds: [def], clock, logger: silentLogger });
    await app.runAsOperator({ verb: 'open', roundId: def.id });
    const questions = def.agenda.flatMap((i) => i.questions);
    const start = performance.now();
    for (let i = 0; i < saves; i++) {
      const member = committee.members[i % committee.members.length]!;
      const q = questions[Math.floor(i / committee.members.length) % questions.length]!;
      const r = await app.saveDraft({ platform: 'local', userId: member.platforms.local! }, def.id, [{ questionId: q.id, value: `의견 ${i}` }]);
      if (!r.ok) throw new Error(`save ${i} failed: ${r.error.code}`);
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      'saves: count': saves,
      'saves: seconds': Number(seconds.toFixed(2)),
      'saves: per second into SQLite (target > 2000)': Math.round(saves / seconds),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same saves on the in-memory store, to show what the core itself costs. */
export async function runMemorySaveBench(saves = 10_000): Promise<Record<string, number>> {
  const committee = syntheticCommittee(100);
  const def = syntheticRound(20);
  const app = createJamunApp({ store: createMemoryStore(), messengers: [], committees: [committee], rounds: [def], clock: new ManualClock(new Date('2024-02-08T01:00:00Z')), logger: silentLogger });
  await app.runAsOperator({ verb: 'open', roundId: def.id });
  const start = performance.now();
  for (let i = 0; i < saves; i++) {
    await app.saveDraft({ platform: 'local', userId: `u${i % 100}` }, def.id, [{ questionId: '1.1', value: `의견 ${i}` }]);
  }
  return { 'saves: per second in memory (core only)': Math.round(saves / ((performance.now() - start) / 1000)) };
}
