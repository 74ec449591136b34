import type { Command } from 'commander';
import type { ExportFormat, StaffCommand, StaffReply, StaffVerb } from '../../core/app/inbound.ts';
import type { Output } from '../context.ts';
import { EXIT, type ExitCode, exitCodeOf } from '../exit-codes.ts';
import { writeExport } from '../export-path.ts';
import { roundFollowUpCommands } from './round-follow-up.ts';
import { roundImportCommand } from './round-import.ts';
import { roundDraftCommands } from './round-drafts.ts';

interface VerbOptions {
  config?: string;
  out?: string;
  json?: boolean;
}

/** What `--json` prints for a reply: the facts a script needs, no prose. */
function jsonOf(command: StaffCommand, reply: StaffReply): unknown {
  if (command.verb === 'list') return reply.rounds ?? [];
  if (command.verb === 'show') return { ...reply.rounds?.[0], agenda: reply.agenda ?? [] };
  if (command.verb === 'status' && reply.status) return { ...reply.rounds?.[0], counts: reply.status };
  return { message: reply.text };
}

/** Runs one staff verb as the operator: the reply on stdout, a refusal on stderr with its exit code. */
async function runVerb(
  output: Output,
  setExit: (code: ExitCode) => void,
  command: StaffCommand,
  opts: VerbOptions,
): Promise<void> {
  const { openApp } = await import('../open-app.ts');
  const opened = await openApp(output, opts.config ? { configDir: opts.config } : {});
  if (!opened) return setExit(EXIT.config);
  try {
    const reply = await opened.app.runAsOperator(command);
    if (reply.error) {
      output.err(reply.text);
      return setExit(exitCodeOf(reply.error.code));
    }
    if (opts.json) output.out(JSON.stringify(jsonOf(command, reply), null, 2));
    else output.out(reply.text);
    for (const file of reply.files ?? []) {
      const written = await writeExport(file, opts.out);
      output.out(`→ ${written}`);
    }
    if (
      command.verb === 'open' ||
      command.verb === 'remind' ||
      command.verb === 'extend' ||
      command.verb === 'resend'
    ) {
      const { botStatusLine } = await import('../bot-status.ts');
      output.out(await botStatusLine(opened.app.store, new Date()));
    }
  } finally {
    await opened.close();
  }
}

const ROUND_VERBS: Array<{ verb: StaffVerb; description: string; json?: boolean }> = [
  { verb: 'show', description: 'Show a round: window, status, agenda.', json: true },
  { verb: 'open', description: 'Open a round: invite every active member (sent by the running bot).' },
  {
    verb: 'status',
    description: 'Delivery and submission counts, who has not submitted, who was never reached.',
    json: true,
  },
  { verb: 'remind', description: 'Remind everyone who received the invitation and has not submitted, now.' },
  { verb: 'close', description: 'Close a round now and queue its summary.' },
  { verb: 'cancel', description: 'Cancel a round: nothing more is sent.' },
  {
    verb: 'summary',
    description:
      'Compile the summary now and write it as Markdown (the running bot posts it to the staff channel when the round closes).',
  },
];

export function roundCommand(program: Command, output: Output, setExit: (code: ExitCode) => void): void {
  const round = program
    .command('round')
    .description('Staff verbs, the same as the chat commands, run as the operator.')
    .option('--config <dir>', 'configuration directory (default: JAMUN_CONFIG_DIR or config)');
  const opts = () => round.opts<{ config?: string }>();
  round
    .command('list')
    .description('All rounds, configured and stored, with their status.')
    .option('--json', 'print the rounds as JSON (for scripts)')
    .action((o: { json?: boolean }) =>
      runVerb(output, setExit, { verb: 'list' }, { ...opts(), json: o.json === true }),
    );
  for (const { verb, description, json } of ROUND_VERBS) {
    const sub = round
      .command(verb)
      .description(description)
      .argument(verb === 'status' ? '[roundId]' : '<roundId>');
    if (json) sub.option('--json', 'print the result as JSON (for scripts)');
    if (verb === 'summary') sub.option('--out <path>', 'file or folder to write (default data/exports/)');
    sub.action((roundId: string | undefined, o: { json?: boolean; out?: string }) =>
      runVerb(output, setExit, roundId ? { verb, roundId } : { verb }, {
        ...opts(),
        json: o.json === true,
        ...(o.out ? { out: o.out } : {}),
      }),
    );
  }
  round
    .command('extend')
    .description('Move the deadline later (local time of the committee); reminders are planned again.')
    .argument('<roundId>')
    .argument('<until...>', 'YYYY-MM-DD [HH:mm] (date alone means 18:00)')
    .action((roundId: string, until: string[]) =>
      runVerb(output, setExit, { verb: 'extend', roundId, until: until.join(' ') }, opts()),
    );
  round
    .command('resend')
    .description('Send the invitation to one member again, on purpose (audited); for an uncertain or failed send.')
    .argument('<roundId>')
    .argument('<member...>', 'member id or name')
    .action((roundId: string, member: string[]) =>
      runVerb(output, setExit, { verb: 'resend', roundId, member: member.join(' ') }, opts()),
    );
  round
    .command('export')
    .description('Write the compiled results as a file.')
    .argument('<roundId>')
    .option('--format <format>', 'csv (UTF-8 with BOM, opens in Excel), md or json', 'md')
    .option(
      '--out <path>',
      'file, or folder (created as needed) to write jamun-ROUND.FORMAT in (default data/exports/)',
    )
    .action((roundId: string, o: { format: string; out?: string }) => {
      if (!['csv', 'md', 'json'].includes(o.format)) {
        output.err('--format must be csv, md or json');
        return setExit(EXIT.usage);
      }
      return runVerb(
        output,
        setExit,
        { verb: 'export', roundId, format: o.format as ExportFormat },
        { ...opts(), ...(o.out ? { out: o.out } : {}) },
      );
    });
  roundImportCommand(round, output, setExit, () => opts().config);
  roundDraftCommands(round, output, setExit, () => opts().config);
  roundFollowUpCommands(round, output, setExit, (command) => runVerb(output, setExit, command, opts()));
  round
    .command('report')
    .description('Write the result report (결과 보고) of a closed round: docx, xlsx, pdf (embedded Hangul font) or md.')
    .argument('<roundId>')
    .option('--format <format>', 'docx, xlsx, pdf or md', 'docx')
    .option('--out <path>', 'file, or folder (created as needed) to write jamun-ROUND-report.FORMAT in')
    .action(async (roundId: string, o: { format: string; out?: string }) => {
      const { REPORT_FORMATS, renderReportFile } = await import('../../adapters/report/render-report.ts');
      const format = REPORT_FORMATS.find((f) => f === o.format);
      if (!format) {
        output.err(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
        return setExit(EXIT.usage);
      }
      const { openApp } = await import('../open-app.ts');
      const opened = await openApp(output, opts().config ? { configDir: opts().config as string } : {});
      if (!opened) return setExit(EXIT.config);
      try {
        const report = await opened.app.report(roundId);
        if (!report.ok) {
          const { describeError } = await import('../../core/i18n/catalogue.ts');
          output.err(describeError(report.error, 'ko'));
          return setExit(exitCodeOf(report.error.code));
        }
        const file = await renderReportFile(report.value, format, `jamun-${roundId}-report`);
        output.out(`→ ${await writeExport(file, o.out)}`);
      } finally {
        await opened.close();
      }
    });
}
