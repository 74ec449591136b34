/**
 * The core's `RoundCodec` (issue 12): a chat form, an uploaded round file
 * or questionnaire table read by the round file's own rules (the ones
 * `config check` applies), and a definition written back as a round file.
 */
import { extname } from 'node:path';
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { Material, Question, ReminderSlot, RoundDefinition } from '../core/model.ts';
import type {
  CodecProblem,
  CodecResult,
  FileReadResult,
  RoundCodec,
  RoundFormFields,
} from '../core/ports/round-codec.ts';
import { renderAgendaText } from '../core/rounds/agenda-text-render.ts';
import { parseAgendaTable } from '../core/rounds/agenda-table.ts';
import { agendaTemplateCsv, agendaTemplateXlsx } from './agenda-template.ts';
import { formatPath, type LocatedProblem } from './config-error.ts';
import { decodeCsv, parseCsv, readXlsxRows } from './read-table.ts';
import { roundFromAgenda, roundFromForm, type RoundFormProblem } from './round-from-form.ts';
import { validateRoundContent } from './validate-round.ts';
import { readYaml } from './yaml-source.ts';

function ruleProblem(problem: LocatedProblem, unit: 'line' | 'row', line?: number): CodecProblem {
  return {
    ...(line === undefined ? {} : { line }),
    unit,
    path: formatPath(problem.path),
    message: problem.message,
  };
}

function formProblems(problems: readonly RoundFormProblem[], unit: 'line' | 'row'): CodecProblem[] {
  return problems.map((p) =>
    p.kind === 'agenda'
      ? { line: p.problem.line, unit, code: p.problem.code, params: p.problem.params, path: 'agenda', message: '' }
      : ruleProblem(p.problem, unit, p.line),
  );
}

/** The 1-based line of the YAML node at `path`, or of its nearest parent that exists. */
function lineOfPath(text: string, path: readonly PropertyKey[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function readRoundFile(bytes: Uint8Array): CodecResult {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/u, '');
  const yaml = readYaml('round file', text);
  if (!yaml.ok) {
    return {
      ok: false,
      problems: yaml.errors.map((e) => ({
        ...(e.line === undefined ? {} : { line: e.line }),
        unit: 'line' as const,
        path: e.path,
        message: e.message,
      })),
    };
  }
  const { value, problems } = validateRoundContent(yaml.content);
  if (value && problems.length === 0) return { ok: true, definition: value };
  return { ok: false, problems: problems.map((p) => ruleProblem(p, 'line', lineOfPath(text, p.path))) };
}

async function readTable(
  bytes: Uint8Array,
  xlsx: boolean,
  fields: RoundFormFields | undefined,
): Promise<FileReadResult> {
  let rows: string[][];
  try {
    rows = xlsx ? await readXlsxRows(bytes) : parseCsv(decodeCsv(bytes));
  } catch {
    return {
      ok: false,
      problems: [{ unit: 'row', code: 'authoring.import.unreadable', params: {}, path: '', message: '' }],
    };
  }
  const table = parseAgendaTable(rows);
  if (!table.ok) {
    return {
      ok: false,
      problems: formProblems(
        table.problems.map((problem) => ({ kind: 'agenda', problem })),
        'row',
      ),
    };
  }
  if (!fields) {
    return {
      ok: 'agenda',
      agendaText: renderAgendaText(table.items, 'ko'),
      items: table.items.length,
      questions: table.items.reduce((n, item) => n + item.questions.length, 0),
    };
  }
  const round = roundFromAgenda(fields, table.items);
  return round.ok
    ? { ok: true, definition: round.round }
    : { ok: false, problems: formProblems(round.problems, 'row') };
}

function slotContent(slot: ReminderSlot): Record<string, unknown> {
  if (slot.kind === 'business_days_before') return { business_days_before: slot.days, at: slot.at };
  if (slot.kind === 'last_business_day') return { last_business_day: slot.at };
  return { hours_before: slot.hours };
}

function questionContent(q: Question): Record<string, unknown> {
  return {
    id: q.id,
    prompt: q.prompt,
    ...(q.help === undefined ? {} : { help: q.help }),
    kind: q.kind,
    ...(q.options === undefined ? {} : { options: q.options }),
    ...(q.scale === undefined
      ? {}
      : {
          scale: {
            min: q.scale.min,
            max: q.scale.max,
            ...(q.scale.minLabel === undefined ? {} : { min_label: q.scale.minLabel }),
            ...(q.scale.maxLabel === undefined ? {} : { max_label: q.scale.maxLabel }),
          },
        }),
    required: q.required,
    max_length: q.maxLength,
  };
}

function materialContent(m: Material): Record<string, unknown> {
  if (m.kind === 'link') return { link: m.url, title: m.title };
  return { file: m.path, title: m.title, ...(m.link === undefined ? {} : { link: m.link }) };
}

/** A definition as the content of a round file (snake_case keys, every default written out). */
function roundFileContent(d: RoundDefinition): Record<string, unknown> {
  const ofItem = (itemId: string | undefined) => (d.materials ?? []).filter((m) => m.itemId === itemId);
  const roundMaterials = ofItem(undefined);
  return {
    id: d.id,
    committee: d.committeeId,
    title: d.title,
    ...(d.description === undefined ? {} : { description: d.description }),
    window: { opens: d.window.opens.replace('T', ' '), closes: d.window.closes.replace('T', ' ') },
    anonymous: d.anonymous,
    allow_late: d.allowLate,
    reminders: { slots: d.reminders.slots.map(slotContent), grace_minutes: d.reminders.graceMinutes },
    ...(d.report === undefined
      ? {}
      : {
          report: {
            ...(d.report.documentNumber === undefined ? {} : { document_number: d.report.documentNumber }),
            ...(d.report.disclosure === undefined ? {} : { disclosure: d.report.disclosure }),
            ...(d.report.purpose === undefined ? {} : { purpose: d.report.purpose }),
            review_checklist: d.report.reviewChecklist,
            ...(d.report.paymentMonth === undefined ? {} : { payment_month: d.report.paymentMonth }),
            follow_up: d.report.followUp,
          },
        }),
    ...(roundMaterials.length === 0 ? {} : { materials: roundMaterials.map(materialContent) }),
    agenda: d.agenda.map((item) => {
      const materials = ofItem(item.id);
      return {
        id: item.id,
        title: item.title,
        ...(item.description === undefined ? {} : { description: item.description }),
        ...(materials.length === 0 ? {} : { materials: materials.map(materialContent) }),
        questions: item.questions.map(questionContent),
      };
    }),
  };
}

/** The codec the CLI hands the core. */
export const roundCodec: RoundCodec = {
  fromForm: (form) => {
    const round = roundFromForm(form);
    return round.ok
      ? { ok: true, definition: round.round }
      : { ok: false, problems: formProblems(round.problems, 'line') };
  },
  fromFile: async (fileName, bytes, fields) => {
    const ext = extname(fileName).toLowerCase();
    if (ext === '.yaml' || ext === '.yml') return readRoundFile(bytes);
    if (ext === '.csv' || ext === '.xlsx') return readTable(bytes, ext === '.xlsx', fields);
    return { ok: false, unsupported: true };
  },
  templates: async () => [
    { name: 'jamun-questionnaire.csv', mimeType: 'text/csv', content: Buffer.from(agendaTemplateCsv(), 'utf8') },
    {
      name: 'jamun-questionnaire.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: await agendaTemplateXlsx(),
    },
  ],
  toRoundFile: (definition) => stringify(roundFileContent(definition), { lineWidth: 0 }),
};
