/**
 * `jamun round synthesis` and `jamun round action` (issue 11): staff's
 * synthesis of a question or agenda item (종합 의견) and the follow-up
 * actions (조치 사항) of a round, written from the command line, the same
 * verbs as `/jamun synthesis` and `/jamun action`, run as the operator.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ActionOp, StaffCommand } from '../../core/app/inbound.ts';
import type { ActionInput } from '../../core/follow-up/validate-follow-up.ts';
import type { Output } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';

type RunVerb = (command: StaffCommand) => Promise<void>;

interface ActionOptions {
  text?: string;
  department?: string;
  due?: string;
  questions?: string;
}

const OPS: readonly ActionOp[] = ['list', 'add', 'edit', 'done', 'drop', 'reopen'];

/** The fields given as options, only those given. */
function actionInput(o: ActionOptions): ActionInput | undefined {
  const input: ActionInput = {
    ...(o.text === undefined ? {} : { text: o.text }),
    ...(o.department === undefined ? {} : { department: o.department }),
    ...(o.due === undefined ? {} : { due: o.due }),
    ...(o.questions === undefined ? {} : { questions: o.questions }),
  };
  return Object.keys(input).length > 0 ? input : undefined;
}

/** Registers `round synthesis` and `round action` under the `round` command. */
export function roundFollowUpCommands(
  round: Command,
  output: Output,
  setExit: (code: ExitCode) => void,
  runVerb: RunVerb,
): void {
  round
    .command('synthesis')
    .description(
      "Show, or write as a new revision, staff's synthesis (종합 의견) of a question or agenda item; lines starting with ○, - or ※ set its levels in the report.",
    )
    .argument('<roundId>')
    .argument('<item>', 'question id (e.g. 1.2) or agenda item id (e.g. 1)')
    .option('--text <text>', 'the synthesis')
    .option('--file <file>', 'a UTF-8 text file holding the synthesis')
    .action((roundId: string, item: string, o: { text?: string; file?: string }) => {
      if (o.text !== undefined && o.file !== undefined) {
        output.err('Give the synthesis with --text or --file, not both.');
        return setExit(EXIT.usage);
      }
      let text = o.text;
      if (o.file !== undefined) {
        try {
          text = readFileSync(o.file, 'utf8');
        } catch {
          output.err(`${o.file}: cannot be read. Nothing was written.`);
          return setExit(EXIT.notFound);
        }
      }
      return runVerb({ verb: 'synthesis', roundId, target: item, ...(text === undefined ? {} : { text }) });
    });
  round
    .command('action')
    .description('List, add, edit or close the follow-up actions (조치 사항) of a round.')
    .argument('<roundId>')
    .argument('[op]', `${OPS.join(' | ')} (default list)`, 'list')
    .argument('[number]', 'the action number, for edit, done, drop and reopen')
    .option('--text <text>', 'what will be done (add, edit)')
    .option('--department <name>', 'the department in charge (add, edit)')
    .option('--due <date>', 'YYYY-MM-DD (add, edit)')
    .option('--questions <ids>', 'question or agenda item ids it answers, e.g. "1.1,2" (add, edit)')
    .action((roundId: string, opWord: string, number: string | undefined, o: ActionOptions) => {
      const op = OPS.find((candidate) => candidate === opWord.toLowerCase());
      const needsNumber = op !== undefined && op !== 'list' && op !== 'add';
      if (!op || needsNumber !== (number !== undefined) || (number !== undefined && !/^[1-9]\d{0,5}$/.test(number))) {
        output.err(
          `Usage: jamun round action ROUND_ID [${OPS.join(' | ')}] [N]: N only with edit, done, drop or reopen.`,
        );
        return setExit(EXIT.usage);
      }
      const input = actionInput(o);
      return runVerb({
        verb: 'action',
        roundId,
        actionOp: op,
        ...(number === undefined ? {} : { actionNumber: Number(number) }),
        ...(input ? { actionInput: input } : {}),
      });
    });
}
