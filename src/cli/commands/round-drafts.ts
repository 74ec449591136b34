/**
 * `jamun round export-config ROUND`, `round drafts`, `round drop-draft ROUND`
 * (issue 12): a round stored in the database written back as a round file
 * (which `round import` reads back to the same round), and the drafts staff
 * made in chat listed and deleted by the operator (audited as `cli`).
 */
import type { Command } from 'commander';
import type { Output } from '../context.ts';
import { EXIT, type ExitCode, exitCodeOf } from '../exit-codes.ts';
import type { OpenedApp } from '../open-app.ts';

async function withApp(
  output: Output,
  setExit: (code: ExitCode) => void,
  configDir: string | undefined,
  run: (opened: OpenedApp) => Promise<void>,
): Promise<void> {
  const { openApp } = await import('../open-app.ts');
  const opened = await openApp(output, configDir ? { configDir } : {});
  if (!opened) return setExit(EXIT.config);
  try {
    await run(opened);
  } finally {
    await opened.close();
  }
}

/** Registers the draft commands under the `round` command. */
export function roundDraftCommands(
  round: Command,
  output: Output,
  setExit: (code: ExitCode) => void,
  configDir: () => string | undefined,
): void {
  round
    .command('export-config')
    .description(
      'Write a round (a draft made in chat, a round file, or an opened round) as a round file (.yaml); round import reads it back.',
    )
    .argument('<roundId>')
    .option('--out <path>', 'file, or folder to write ROUND.yaml in (default: print it)')
    .action((roundId: string, o: { out?: string }) =>
      withApp(output, setExit, configDir(), async ({ app }) => {
        const file = await app.roundFile(roundId);
        if (!file.ok) {
          const { describeError } = await import('../../core/i18n/catalogue.ts');
          output.err(describeError(file.error, 'ko'));
          return setExit(exitCodeOf(file.error.code));
        }
        if (o.out === undefined) return output.out(file.value.text.trimEnd());
        const { writeExport } = await import('../export-path.ts');
        const content = Buffer.from(file.value.text, 'utf8');
        output.out(`→ ${await writeExport({ name: file.value.name, mimeType: 'application/yaml', content }, o.out)}`);
      }),
    );
  round
    .command('drafts')
    .description('The round drafts stored in the database (made in chat or imported), not yet opened.')
    .action(() =>
      withApp(output, setExit, configDir(), async ({ app }) => {
        const list = await app.operatorDrafts();
        output.out(list.text);
      }),
    );
  round
    .command('drop-draft')
    .description('Delete a stored round draft (audited); an opened round is never a draft.')
    .argument('<roundId>')
    .action((roundId: string) =>
      withApp(output, setExit, configDir(), async ({ app }) => {
        const dropped = await app.operatorDeleteDraft(roundId);
        if (!dropped.ok) {
          output.err(dropped.text);
          return setExit(dropped.error ? exitCodeOf(dropped.error.code) : EXIT.refused);
        }
        output.out(dropped.text);
      }),
    );
}
