/**
 * The authoring API's forms, imports and drafts (issue 12; the shape is in
 * `authoring-api.ts`): a round typed in a chat form or uploaded as a file
 * becomes a stored draft by the round file's own rules (`RoundCodec`), only
 * for staff of its committee; every refusal is audited and private.
 */
import { domainError, type DomainError, err, ok, type Result } from '../errors.ts';
import { isMessageKey, t, type MessageKey } from '../i18n/catalogue.ts';
import type { Actor, Committee, Locale, RoundDefinition } from '../model.ts';
import type { CodecProblem, RoundCodec, RoundForm, RoundFormFields } from '../ports/round-codec.ts';
import { renderAgendaText } from '../rounds/agenda-text-render.ts';
import { presetOf, presetPolicy } from '../rounds/reminder-presets.ts';
import { formatLocal, instantOf, localDateOf } from '../time.ts';
import { actorLabel, type AppContext } from './app-context.ts';
import type {
  Authored,
  AuthoringCommittee,
  AuthoringProblem,
  AuthoringRefusal,
  DraftList,
  DraftSaved,
  FormField,
  FormNeeded,
  RoundFormView,
  UploadedFile,
} from './authoring-api.ts';
import { MAX_IMPORT_BYTES } from './authoring-api.ts';
import { saveRoundDraft } from './round-drafts.ts';

const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._-]*$/u;
const MAX_ID_LENGTH = 64;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/u;

/** A refusal: `error`'s text, or a heading over the problems. Refusals that are not about the form are audited. */
export function refusal(
  locale: Locale,
  error: DomainError,
  problems: readonly AuthoringProblem[] = [],
): AuthoringRefusal {
  return { ok: false, locale, text: t(locale, error.code, error.params), problems, error };
}

function problemsRefusal(locale: Locale, problems: readonly AuthoringProblem[]): AuthoringRefusal {
  const heading = t(locale, 'authoring.problems.heading', { count: problems.length });
  return { ok: false, locale, text: [heading, ...problems.map((p) => p.text)].join('\n'), problems };
}

/** Refuses an actor who is not staff, audited with what they tried. */
async function forbidden(ctx: AppContext, actor: Actor, verb: string, roundId?: string): Promise<AuthoringRefusal> {
  await ctx.store.audit({
    at: ctx.now(),
    actor: actorLabel(actor),
    action: 'staff.refused',
    ...(roundId === undefined ? {} : { roundId }),
    detail: { verb },
  });
  return refusal(ctx.defaultLocale(), domainError('STAFF.FORBIDDEN'));
}

function staffCommittees(ctx: AppContext, actor: Actor): Committee[] {
  return [...ctx.committees.values()].filter((c) => ctx.isStaffOf(c, actor));
}

export function authoringCommittees(ctx: AppContext, actor: Actor): AuthoringCommittee[] {
  return staffCommittees(ctx, actor).map((c) => ({ id: c.id, name: c.name, locale: c.locale }));
}

/** The form field a rule's path is about; the form's own fields (FIELD_PATHS) are checked before and never come here. */
function fieldOfPath(path: string): FormField {
  if (path === 'committee' || path === 'description') return path;
  if (path.startsWith('reminders')) return 'reminders';
  return 'agenda';
}

/** A codec problem in the reader's words, on its line; `file` problems keep the key path as `config check` prints it. */
function rendered(locale: Locale, p: CodecProblem, inFile: boolean): AuthoringProblem {
  const field = inFile ? 'file' : fieldOfPath(p.path);
  const body =
    p.code !== undefined && isMessageKey(p.code)
      ? t(locale, p.code, p.params ?? {})
      : t(locale, 'authoring.rule', {
          field:
            inFile || field === 'agenda'
              ? p.path || t(locale, 'authoring.field.file')
              : t(locale, `authoring.field.${field}`),
          message: p.message,
        });
  if (p.line === undefined) return { field, text: body };
  const text =
    p.unit === 'row'
      ? t(locale, 'authoring.table.row', { row: p.line, problem: body })
      : t(locale, 'authoring.agenda.line', { line: p.line, problem: body });
  return { field, line: p.line, text };
}

function formProblem(locale: Locale, field: FormField, key: MessageKey, params: Record<string, string> = {}) {
  return { field, text: `${t(locale, `authoring.field.${field}`)}: ${t(locale, key, params)}` };
}

/** The form's own fields checked in the reader's words (the round file's rules say them in English). */
function checkFields(form: RoundFormFields, committee: Committee): AuthoringProblem[] {
  const locale = committee.locale;
  const problems: AuthoringProblem[] = [];
  if (form.id !== '' && (!ID_PATTERN.test(form.id) || form.id.length > MAX_ID_LENGTH)) {
    problems.push(formProblem(locale, 'id', 'authoring.form.bad-id'));
  }
  if (form.title.trim() === '') problems.push(formProblem(locale, 'title', 'authoring.form.title-empty'));
  const at = (field: 'opens' | 'closes'): Date | null => {
    const value = form[field].trim();
    const instant = DATE_TIME.test(value) ? instantOf(value, committee.timeZone) : null;
    if (!instant) problems.push(formProblem(locale, field, 'authoring.form.bad-datetime', { value }));
    return instant;
  };
  const opens = at('opens');
  const closes = at('closes');
  if (opens && closes && closes.getTime() <= opens.getTime()) {
    problems.push(
      formProblem(locale, 'closes', 'authoring.form.window-order', {
        opens: form.opens.trim(),
        closes: form.closes.trim(),
      }),
    );
  }
  return problems;
}

/** Paths of the round file the form's own checks already cover. */
const FIELD_PATHS = new Set(['id', 'title', 'window', 'window.opens', 'window.closes']);

/** A free round id: `<year>-<n>`, the year of the opening (as the seed round's `2024-1`). */
async function freeRoundId(ctx: AppContext, opens: string, committee: Committee): Promise<string> {
  const year = /^\d{4}/u.exec(opens.trim())?.[0] ?? localDateOf(ctx.now(), committee.timeZone).slice(0, 4);
  for (let n = 1; ; n += 1) {
    const id = `${year}-${n}`;
    if (!ctx.definitions.has(id) && !(await ctx.store.getRound(id))) return id;
  }
}

/** The definition with what the form does not hold taken from the draft it replaces. */
function withKept(
  definition: RoundDefinition,
  preset: RoundForm['reminders'],
  before?: RoundDefinition,
): RoundDefinition {
  const kept = before?.committeeId === definition.committeeId ? before : undefined;
  const reminders =
    preset === 'keep' ? (kept?.reminders ?? presetPolicy('standard')) : presetPolicy(preset ?? 'standard');
  return {
    ...definition,
    reminders,
    ...(kept?.report === undefined ? {} : { report: kept.report }),
    ...(kept?.materials === undefined ? {} : { materials: kept.materials }),
  };
}

function draftAuthor(ctx: AppContext, actor: Actor) {
  return {
    label: actorLabel(actor),
    mayEdit: (committeeId: string) => {
      const committee = ctx.committees.get(committeeId);
      return committee !== undefined && ctx.isStaffOf(committee, actor);
    },
  };
}

/** Stores the definition as a draft, as `actor`; refusals rendered. */
async function store(
  ctx: AppContext,
  actor: Actor,
  definition: RoundDefinition,
  source: 'chat' | 'import',
  locale: Locale,
): Promise<Authored<DraftSaved>> {
  const saved = await saveRoundDraft(ctx, draftAuthor(ctx, actor), definition, source);
  if (!saved.ok) return refusal(locale, saved.error);
  return {
    ok: true,
    locale,
    kind: 'saved',
    created: saved.value.created,
    roundId: definition.id,
    text: saved.value.text,
  };
}

export async function draftFromForm(
  ctx: AppContext,
  codec: RoundCodec,
  actor: Actor,
  form: RoundForm,
): Promise<Authored<DraftSaved>> {
  await ctx.refreshDrafts();
  const committee = ctx.committees.get(form.committee);
  if (!committee) {
    return refusal(ctx.defaultLocale(), domainError('DRAFT.UNKNOWN_COMMITTEE', { committeeId: form.committee }));
  }
  if (!ctx.isStaffOf(committee, actor)) return forbidden(ctx, actor, 'new', form.id || undefined);
  const locale = committee.locale;
  const own = checkFields(form, committee);
  const id = form.id.trim() === '' ? await freeRoundId(ctx, form.opens, committee) : form.id.trim();
  const read = codec.fromForm({
    ...form,
    id,
    title: form.title.trim(),
    opens: form.opens.trim(),
    closes: form.closes.trim(),
  });
  const problems = [
    ...own,
    ...(read.ok ? [] : read.problems.filter((p) => !FIELD_PATHS.has(p.path)).map((p) => rendered(locale, p, false))),
  ];
  if (problems.length > 0 || !read.ok) return problemsRefusal(locale, problems);
  return store(ctx, actor, withKept(read.definition, form.reminders, ctx.definitions.get(id)), 'chat', locale);
}

function formOf(definition: RoundDefinition, locale: Locale): RoundForm {
  return {
    id: definition.id,
    committee: definition.committeeId,
    title: definition.title,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    opens: definition.window.opens.replace('T', ' '),
    closes: definition.window.closes.replace('T', ' '),
    anonymous: definition.anonymous,
    allowLate: definition.allowLate,
    reminders: presetOf(definition.reminders) ?? 'keep',
    agendaText: renderAgendaText(definition.agenda, locale),
  };
}

/** What of the definition the form cannot show. */
function notesOf(definition: RoundDefinition, locale: Locale): string[] {
  const notes: string[] = [];
  if (presetOf(definition.reminders) === null) notes.push(t(locale, 'authoring.edit.note.reminders'));
  const questions = definition.agenda.flatMap((item) => item.questions);
  const flattened =
    definition.agenda.some((item) => /[\r\n]/u.test(item.title)) ||
    questions.some(
      (q) =>
        /[\r\n]/u.test(q.prompt) ||
        q.scale?.minLabel !== undefined ||
        q.scale?.maxLabel !== undefined ||
        q.maxLength !== (q.kind === 'long_text' ? 4000 : 500),
    );
  if (flattened) notes.push(t(locale, 'authoring.edit.note.flattened'));
  if (definition.report !== undefined || (definition.materials?.length ?? 0) > 0) {
    notes.push(t(locale, 'authoring.edit.note.kept'));
  }
  return notes;
}

export async function blankRoundForm(
  ctx: AppContext,
  actor: Actor,
  committeeId?: string,
): Promise<Authored<{ view: RoundFormView }>> {
  await ctx.refreshDrafts();
  const committee = committeeId === undefined ? staffCommittees(ctx, actor)[0] : ctx.committees.get(committeeId);
  if (!committee || !ctx.isStaffOf(committee, actor)) return forbidden(ctx, actor, 'new');
  return { ok: true, locale: committee.locale, view: blankView(committee, '') };
}

function blankView(committee: Committee, agendaText: string): RoundFormView {
  return {
    form: {
      id: '',
      committee: committee.id,
      title: '',
      opens: '',
      closes: '',
      anonymous: false,
      allowLate: false,
      reminders: 'standard',
      agendaText,
    },
    timeZone: committee.timeZone,
    notes: [],
  };
}

/** The definition of a draft `actor` may still change, or the refusal. */
export async function editable(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  verb: string,
): Promise<{ ok: true; definition: RoundDefinition; committee: Committee } | AuthoringRefusal> {
  await ctx.refreshDrafts();
  const definition = ctx.definitions.get(roundId);
  const stored = await ctx.store.getRound(roundId);
  const committee = ctx.committees.get(stored?.committeeId ?? definition?.committeeId ?? '');
  // A committee is found only through a stored round or a definition.
  if (!committee) return refusal(ctx.defaultLocale(), domainError('ROUND.NOT_FOUND', { roundId }));
  if (!ctx.isStaffOf(committee, actor)) return forbidden(ctx, actor, verb, roundId);
  if (stored || !definition) {
    return refusal(
      committee.locale,
      domainError('DRAFT.ROUND_EXISTS', { roundId, roundTitle: stored?.title ?? roundId }),
    );
  }
  return { ok: true, definition, committee };
}

export async function formForEdit(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<Authored<{ view: RoundFormView }>> {
  const found = await editable(ctx, actor, roundId, 'edit');
  if (!found.ok) return found;
  const { definition, committee } = found;
  const locale = committee.locale;
  return {
    ok: true,
    locale,
    view: { form: formOf(definition, locale), timeZone: committee.timeZone, notes: notesOf(definition, locale) },
  };
}

/** A size over the limit (or the limit itself), in MiB. */
function sizeText(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export async function importDraftFile(
  ctx: AppContext,
  codec: RoundCodec,
  actor: Actor,
  file: UploadedFile,
  fields?: RoundFormFields,
): Promise<Authored<DraftSaved | FormNeeded>> {
  await ctx.refreshDrafts();
  const mine = staffCommittees(ctx, actor);
  const committee = ctx.committees.get(fields?.committee ?? '') ?? mine[0];
  if (!committee || !ctx.isStaffOf(committee, actor)) return forbidden(ctx, actor, 'import');
  const locale = committee.locale;
  const fileProblem = (key: MessageKey, params: Record<string, string> = {}) =>
    problemsRefusal(locale, [{ field: 'file', text: t(locale, key, params) }]);
  const size = Math.max(file.size ?? 0, file.bytes.byteLength);
  if (size > MAX_IMPORT_BYTES) {
    return fileProblem('authoring.import.too-large', {
      size: sizeText(size),
      limit: sizeText(MAX_IMPORT_BYTES),
    });
  }
  const id = fields && fields.id.trim() === '' ? await freeRoundId(ctx, fields.opens, committee) : fields?.id;
  const read = await codec.fromFile(file.name, file.bytes, fields && id !== undefined ? { ...fields, id } : undefined);
  if (read.ok === 'agenda') {
    const view = blankView(committee, read.agendaText);
    const counts = { items: read.items, questions: read.questions };
    return { ok: true, locale, kind: 'form', view, text: t(locale, 'authoring.import.needs-form', counts) };
  }
  if (!read.ok) {
    if ('unsupported' in read) return fileProblem('authoring.import.unsupported', { name: file.name });
    return problemsRefusal(
      locale,
      read.problems.map((p) => rendered(locale, p, true)),
    );
  }
  const serverFile = read.definition.materials?.find((m) => m.kind === 'file');
  if (serverFile) return fileProblem('authoring.import.material-file', { name: serverFile.title });
  const target = ctx.committees.get(read.definition.committeeId);
  return store(ctx, actor, withKept(read.definition, 'keep', read.definition), 'import', target?.locale ?? locale);
}

/** `actor` null: the operator at the command line, who sees every committee's drafts. */
export async function listDrafts(ctx: AppContext, actor: Actor | null): Promise<Authored<DraftList>> {
  const mine = actor ? staffCommittees(ctx, actor) : [...ctx.committees.values()];
  if (actor && mine.length === 0) return forbidden(ctx, actor, 'drafts');
  const locale = mine[0]?.locale ?? ctx.defaultLocale();
  const ids = new Set(mine.map((c) => c.id));
  const drafts = (await ctx.store.listRoundDrafts())
    .filter((d) => ids.has(d.definition.committeeId))
    .map((d) => ({
      roundId: d.definition.id,
      title: d.definition.title,
      committeeId: d.definition.committeeId,
      savedBy: d.updatedBy,
      savedAt: d.updatedAt,
    }));
  const zone = mine[0]?.timeZone ?? 'Asia/Seoul';
  const text =
    drafts.length === 0
      ? t(locale, 'authoring.drafts.none')
      : [
          t(locale, 'authoring.drafts.heading', { count: drafts.length }),
          ...drafts.map((d) =>
            t(locale, 'authoring.drafts.line', {
              roundId: d.roundId,
              title: d.title,
              at: ctx.when(d.savedAt, zone, locale),
              by: d.savedBy,
            }),
          ),
        ].join('\n');
  return { ok: true, locale, drafts, text };
}

/** `actor` null: the operator at the command line (audited as `cli`). */
export async function deleteDraft(
  ctx: AppContext,
  actor: Actor | null,
  roundId: string,
): Promise<Authored<{ text: string }>> {
  const draft = await ctx.store.getRoundDraft(roundId);
  const committee = draft ? ctx.committees.get(draft.definition.committeeId) : undefined;
  if (!draft || !committee) return refusal(ctx.defaultLocale(), domainError('DRAFT.NOT_FOUND', { roundId }));
  if (actor && !ctx.isStaffOf(committee, actor)) return forbidden(ctx, actor, 'drop-draft', roundId);
  await ctx.store.deleteRoundDraft(roundId);
  await ctx.store.audit({
    at: ctx.now(),
    actor: actor ? actorLabel(actor) : 'cli',
    action: 'round.draft.deleted',
    roundId,
    detail: { title: draft.definition.title, source: draft.source, savedBy: draft.updatedBy },
  });
  await ctx.refreshDrafts();
  return {
    ok: true,
    locale: committee.locale,
    text: t(committee.locale, 'authoring.draft.deleted', { title: draft.definition.title }),
  };
}

/**
 * The round file of a round (`jamun round export-config`): a stored draft or
 * a round file's definition, else an opened round as it is stored (its
 * window in the committee's wall-clock time).
 */
export async function roundFileOf(
  ctx: AppContext,
  codec: RoundCodec,
  roundId: string,
): Promise<Result<{ name: string; text: string }>> {
  await ctx.refreshDrafts();
  const stored = await ctx.store.getRound(roundId);
  let definition = ctx.definitions.get(roundId);
  if (stored) {
    const committee = ctx.committees.get(stored.committeeId);
    const zone = committee?.timeZone ?? 'Asia/Seoul';
    definition = {
      ...definition,
      id: stored.id,
      committeeId: stored.committeeId,
      title: stored.title,
      ...(stored.description === undefined ? {} : { description: stored.description }),
      agenda: stored.agenda,
      window: { opens: formatLocal(stored.opensAt, zone), closes: formatLocal(stored.closesAt, zone) },
      anonymous: stored.anonymous,
      allowLate: stored.allowLate,
      reminders: stored.reminders,
    };
  }
  if (!definition) return err('ROUND.NOT_FOUND', { roundId });
  return ok({ name: `${roundId}.yaml`, text: codec.toRoundFile(definition) });
}
