/**
 * `jamun round import FILE`: stores a round as a draft in the database
 * (issue 12), from a round YAML file or a questionnaire table (XLSX or CSV,
 * the `/jamun template` layout) with the round's fields as options. The same
 * validation as `config check`; every problem with its line or row; nothing
 * stored when there is one. Then `jamun round open ID` opens it, without
 * editing `config/rounds/` or restarting the bot.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { LocatedProblem } from '../../config/config-error.ts';
import { formatConfigError, formatPath, inFile } from '../../config/config-error.ts';
import type { RoundFormProblem } from '../../config/round-from-form.ts';
import type { RoundDefinition } from '../../core/model.ts';
import type { Output } from '../context.ts';
import { EXIT, type ExitCode, exitCodeOf } from '../exit-codes.ts';

interface ImportOptions {
  id?: string;
  committee?: string;
  title?: string;
  opens?: string;
  closes?: string;
  anonymous?: boolean;
  allowLate?: boolean;
}

const TABLE_OPTIONS = ['id', 'committee', 'title', 'opens', 'closes'] as const;

type Read = { ok: true; definition: RoundDefinition } | { ok: false; lines: string[]; exit: ExitCode };

function ruleLine(problem: LocatedProblem, where: string): string {
  const path = formatPath(problem.path);
  return `${where}${path === '' ? '' : `${path}: `}${problem.message}`;
}

async function formProblemLines(problems: readonly RoundFormProblem[], unit: 'line' | 'row'): Promise<string[]> {
  const { t } = await import('../../core/i18n/catalogue.ts');
  return problems.map((p) => {
    if (p.kind === 'agenda') return `${unit} ${p.problem.line}: ${t('en', p.problem.code, p.problem.params)}`;
    return ruleLine(p.problem, p.line === undefined ? '' : `${unit} ${p.line}: `);
  });
}

async function readYamlRound(file: string, bytes: Buffer): Promise<Read> {
  const { readYaml } = await import('../../config/yaml-source.ts');
  const { validateRoundContent } = await import('../../config/validate-round.ts');
  const yaml = readYaml(file, bytes.toString('utf8'));
  if (!yaml.ok) {
    return { ok: false, lines: yaml.errors.map(formatConfigError), exit: EXIT.refused };
  }
  const { value, problems } = validateRoundContent(yaml.content);
  if (!value || problems.length > 0) {
    // The same `file: path: message` lines as `config check`.
    return { ok: false, lines: inFile(file, problems).map(formatConfigError), exit: EXIT.refused };
  }
  return { ok: true, definition: value };
}

async function readTableRound(file: string, bytes: Buffer, o: ImportOptions, xlsx: boolean): Promise<Read> {
  const missing = TABLE_OPTIONS.filter((name) => o[name] === undefined);
  if (missing.length > 0) {
    const list = missing.map((name) => `--${name}`).join(', ');
    return { ok: false, lines: [`A table holds only the agenda: give ${list} as well.`], exit: EXIT.usage };
  }
  const { decodeCsv, parseCsv, readXlsxRows } = await import('../../config/read-table.ts');
  const { parseAgendaTable } = await import('../../core/rounds/agenda-table.ts');
  const { roundFromAgenda } = await import('../../config/round-from-form.ts');
  let rows: string[][];
  try {
    rows = xlsx ? await readXlsxRows(bytes) : parseCsv(decodeCsv(bytes));
  } catch {
    return { ok: false, lines: [`${file}: not a readable XLSX workbook.`], exit: EXIT.refused };
  }
  const table = parseAgendaTable(rows);
  if (!table.ok) {
    return {
      ok: false,
      lines: await formProblemLines(
        table.problems.map((problem) => ({ kind: 'agenda', problem })),
        'row',
      ),
      exit: EXIT.refused,
    };
  }
  const form = {
    id: o.id ?? '',
    committee: o.committee ?? '',
    title: o.title ?? '',
    opens: o.opens ?? '',
    closes: o.closes ?? '',
    anonymous: o.anonymous === true,
    allowLate: o.allowLate === true,
  };
  const round = roundFromAgenda(form, table.items);
  if (!round.ok) return { ok: false, lines: await formProblemLines(round.problems, 'row'), exit: EXIT.refused };
  return { ok: true, definition: round.round };
}

/** Reads FILE into a round definition, or the problems that keep it from being one. */
async function readRound(file: string, o: ImportOptions): Promise<Read> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      lines: [
        missing ? `${file}: no such file. Nothing was imported.` : `${file}: cannot be read. Nothing was imported.`,
      ],
      exit: missing ? EXIT.notFound : EXIT.io,
    };
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return readYamlRound(file, bytes);
  if (ext === '.csv' || ext === '.xlsx') return readTableRound(file, bytes, o, ext === '.xlsx');
  return {
    ok: false,
    lines: [`${file}: import reads a round file (.yaml, .yml) or a questionnaire table (.xlsx, .csv).`],
    exit: EXIT.usage,
  };
}

/** Registers `round import` under the `round` command. */
export function roundImportCommand(
  round: Command,
  output: Output,
  setExit: (code: ExitCode) => void,
  configDir: () => string | undefined,
): void {
  round
    .command('import')
    .description(
      'Store a round as a draft in the database, from a round file (.yaml) or a questionnaire table (.xlsx, .csv; give --id, --committee, --title, --opens, --closes); then open it with round open.',
    )
    .argument('<file>')
    .option('--id <id>', 'round id (tables only)')
    .option('--committee <id>', 'committee id (tables only)')
    .option('--title <text>', 'round title (tables only)')
    .option('--opens <when>', 'YYYY-MM-DD HH:mm, committee time (tables only)')
    .option('--closes <when>', 'YYYY-MM-DD HH:mm, committee time (tables only)')
    .option('--anonymous', 'the summary does not name members (tables only)')
    .option('--allow-late', 'accept answers after the deadline (tables only)')
    .action(async (file: string, o: ImportOptions) => {
      const read = await readRound(file, o);
      if (!read.ok) {
        for (const line of read.lines) output.err(line);
        if (read.exit === EXIT.refused) output.err('Nothing was imported.');
        return setExit(read.exit);
      }
      const { openApp } = await import('../open-app.ts');
      const dir = configDir();
      const opened = await openApp(output, dir ? { configDir: dir } : {});
      if (!opened) return setExit(EXIT.config);
      try {
        const saved = await opened.app.saveRoundDraft(read.definition, 'import');
        if (!saved.ok) {
          const { describeError } = await import('../../core/i18n/catalogue.ts');
          output.err(describeError(saved.error, 'ko'));
          return setExit(exitCodeOf(saved.error.code));
        }
        output.out(saved.value.text);
      } finally {
        await opened.close();
      }
    });
}
