/**
 * The words of every member DM and progress message, shared by all
 * platforms. Adapters add their buttons around them.
 */
import { t } from '../i18n/catalogue.ts';
import type { Locale } from '../model.ts';
import type { InvitationView, MaterialView, MemberMessage, ProgressView, ReminderView } from '../ports/messenger.ts';
import type { TextFormatter } from './formatter.ts';

/** Title and body of a member message; people's text (answers) escaped with `fmt`. */
export function renderMemberMessage(message: MemberMessage, fmt: TextFormatter): { title: string; body: string } {
  const { locale } = message;
  switch (message.kind) {
    case 'invitation':
      return {
        title: t(locale, 'invite.title', { roundTitle: fmt.escape(message.view.roundTitle) }),
        body: invitationBody(message.view, locale, fmt),
      };
    case 'reminder': {
      const v = message.view;
      return {
        title: t(locale, 'reminder.title', { roundTitle: fmt.escape(v.roundTitle) }),
        body: t(locale, 'reminder.body', {
          committeeName: fmt.escape(v.committeeName ?? ''),
          roundTitle: fmt.escape(v.roundTitle),
          closesAt: deadlineText(v, locale),
          left: timeLeft(v, locale),
          answered: v.answeredCount,
          questionCount: v.questionCount,
        }),
      };
    }
    case 'receipt': {
      const v = message.view;
      const lines: string[] = [t(locale, 'receipt.body', { submittedAt: v.submittedAtLocal })];
      for (const item of v.items) {
        lines.push('', fmt.bold(fmt.escape(item.title)));
        for (const a of item.answers) {
          lines.push(`${a.questionId}. ${fmt.escape(a.prompt)}`);
          lines.push(fmt.quote(a.answer.trim() === '' ? t(locale, 'receipt.noAnswer') : fmt.escape(a.answer)));
        }
      }
      if (v.canEdit) lines.push('', t(locale, 'receipt.editable', { editableUntil: v.editableUntilLocal }));
      return { title: t(locale, 'receipt.title', { roundTitle: fmt.escape(v.roundTitle) }), body: lines.join('\n') };
    }
    case 'notice':
      return { title: '', body: message.text };
  }
}

/** The deadline as the member reads it; the zone name only for members abroad. */
function deadlineText(v: InvitationView | ReminderView, locale: Locale): string {
  return v.abroad ? t(locale, 'invite.zone', { time: v.closesAtLocal, timeZone: v.timeZone }) : v.closesAtLocal;
}

/**
 * The invitation as a letter from the secretariat: greeting, sender, purpose,
 * agenda with the number of questions, deadline with business days left, how
 * to answer, honorarium, contact, thanks. Lines with nothing configured are left out.
 */
function invitationBody(v: InvitationView, locale: Locale, fmt: TextFormatter): string {
  const head = [t(locale, 'invite.greeting', { committeeName: fmt.escape(v.committeeName) })];
  if (v.sender) head.push(t(locale, 'invite.sender', { sender: fmt.escape(v.sender) }));
  const purpose = v.purpose
    ? t(locale, 'invite.purpose', { purpose: fmt.escape(v.purpose) })
    : t(locale, 'invite.purposeDefault', { roundTitle: fmt.escape(v.roundTitle) });
  const agenda = [
    t(locale, 'invite.agenda', { itemCount: v.agendaTitles.length, questionCount: v.questionCount }),
    ...v.agendaTitles.map((title, i) => {
      const count = v.agendaQuestionCounts?.[i];
      return count === undefined
        ? `  ${i + 1}. ${fmt.escape(title)}`
        : t(locale, 'invite.agendaItem', { index: i + 1, title: fmt.escape(title), questionCount: count });
    }),
  ];
  const closesAt = deadlineText(v, locale);
  const details = [
    ...agenda,
    v.businessDaysLeft > 0
      ? t(locale, 'invite.deadline', { closesAt, businessDays: v.businessDaysLeft })
      : t(locale, 'invite.deadline.today', { closesAt }),
    t(locale, 'invite.howTo'),
  ];
  if (v.honorarium) details.push(t(locale, 'invite.honorarium', { amount: v.honorarium }));
  if (v.materials && v.materials.length > 0) details.push(...materialLines(v.materials, locale, fmt));
  if (v.contact) details.push(t(locale, 'invite.contact', { contact: fmt.escape(v.contact) }));
  return [head.join('\n'), purpose, details.join('\n'), t(locale, 'invite.thanks')].join('\n\n');
}

/** `1.2 MB`, `340 KB`: sizes as members read them. */
function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)}MB`;
  return `${Math.max(1, Math.round(bytes / 1024))}KB`;
}

/** The materials section of an invitation: each file with how it comes, each link. */
function materialLines(materials: readonly MaterialView[], locale: Locale, fmt: TextFormatter): string[] {
  const lines = [t(locale, 'invite.materials')];
  for (const m of materials) {
    const item = m.itemIndex === undefined ? '' : t(locale, 'invite.material.item', { index: m.itemIndex });
    const title = fmt.escape(m.title);
    if (m.kind === 'link') {
      lines.push(t(locale, 'invite.material.url', { link: fmt.link(m.url, title), item }));
      continue;
    }
    const size = fileSizeText(m.size);
    if (m.delivery === 'attached') lines.push(t(locale, 'invite.material.attached', { title, size, item }));
    else if (m.delivery === 'link' && m.link)
      lines.push(t(locale, 'invite.material.link', { title, size, item, link: fmt.link(m.link, fmt.escape(m.name)) }));
    else lines.push(t(locale, 'invite.material.unavailable', { title, size, item }));
  }
  return lines;
}

/**
 * The line naming an agenda item's materials in the questionnaire: links
 * (and files served by link) linked, files attached to the invitation said
 * to be there. Empty when there are none.
 */
export function questionnaireMaterialsText(
  materials: readonly MaterialView[] | undefined,
  locale: Locale,
  fmt: TextFormatter,
): string {
  if (!materials || materials.length === 0) return '';
  const names = materials.map((m) => {
    const title = fmt.escape(m.title);
    if (m.kind === 'link') return fmt.link(m.url, title);
    if (m.delivery === 'link' && m.link) return fmt.link(m.link, title);
    if (m.delivery === 'attached') return t(locale, 'questionnaire.material.attached', { title });
    return title;
  });
  return t(locale, 'questionnaire.materials', { list: names.join(', ') });
}

function timeLeft(v: ReminderView, locale: Locale): string {
  if (v.hoursLeft >= 24 && v.businessDaysLeft > 1) return t(locale, 'reminder.left.days', { days: v.businessDaysLeft });
  if (v.hoursLeft === 1) return t(locale, 'reminder.left.oneHour');
  if (v.hoursLeft > 1) return t(locale, 'reminder.left.hours', { hours: v.hoursLeft });
  return t(locale, 'reminder.left.underHour');
}

/**
 * Characters the failure list of a progress message may take. The message is
 * one post edited in place (Discord: 2,000 characters, a Slack section: 3,000),
 * so members past this are counted, and `status` names them all.
 */
const PROGRESS_FAILURES_BUDGET = 1_500;

/** The text of the staff progress message, e.g. "delivered 5/7" and who could not be reached, by reason. */
export function renderProgress(view: ProgressView, locale: Locale, fmt: TextFormatter): string {
  const head = t(locale, view.done ? 'staff.progressDone' : 'staff.progress', {
    roundTitle: fmt.escape(view.roundTitle),
    delivered: view.delivered,
    total: view.total,
  });
  const bar = progressBar(view.delivered, view.total);
  if (view.failed.length === 0) return `${head}\n${bar}`;
  return [head, bar, t(locale, 'staff.progressFailures'), ...failureLines(view.failed, locale, fmt)].join('\n');
}

/** One line per reason naming its members, within the budget; the members left out are counted. */
function failureLines(failed: ProgressView['failed'], locale: Locale, fmt: TextFormatter): string[] {
  const byReason = new Map<string, string[]>();
  for (const f of failed) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), fmt.escape(f.memberName)]);
  const lines: string[] = [];
  let used = 0;
  let named = 0;
  for (const [reason, names] of byReason) {
    let line = `- ${fmt.escape(reason)}: `;
    let shown = 0;
    for (const name of names) {
      const piece = shown === 0 ? name : `, ${name}`;
      if (used + line.length + piece.length > PROGRESS_FAILURES_BUDGET) break;
      line += piece;
      shown += 1;
    }
    if (shown === 0) break;
    lines.push(line);
    used += line.length + 1;
    named += shown;
    if (shown < names.length) break;
  }
  if (named < failed.length) lines.push(t(locale, 'staff.progressMore', { count: failed.length - named }));
  return lines;
}

/** A ten-cell bar: ▓▓▓▓▓▓░░░░. */
export function progressBar(done: number, total: number): string {
  const cells = 10;
  const filled = total === 0 ? 0 : Math.round((done / total) * cells);
  return '▓'.repeat(filled) + '░'.repeat(cells - filled);
}
