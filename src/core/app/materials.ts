/**
 * Agenda materials with the invitation: which files this messenger can
 * attach (the rest are served by their link), their bytes read just before
 * sending, and staff told in words about a file that could not go.
 */
import { readFile } from 'node:fs/promises';
import { t } from '../i18n/catalogue.ts';
import type { Committee, Material, Member, Round } from '../model.ts';
import type { MaterialView, Messenger, OutgoingFile } from '../ports/messenger.ts';
import type { AppContext } from './app-context.ts';
import { deliverOnce } from './deliver.ts';
import { failureText } from './failure-text.ts';
import type { MissingPart } from './outbox-parts.ts';

/** The materials of a round as a member on `messenger` is told of them. */
export function materialViews(ctx: AppContext, round: Round, messenger: Messenger): MaterialView[] {
  const materials = ctx.definitions.get(round.id)?.materials ?? [];
  const itemIndex = (m: Material) => {
    const index = m.itemId === undefined ? -1 : round.agenda.findIndex((item) => item.id === m.itemId);
    return index < 0 ? {} : { itemIndex: index + 1 };
  };
  return materials.map((m): MaterialView => {
    if (m.kind === 'link') return { kind: 'link', title: m.title, url: m.url, ...itemIndex(m) };
    const fits = messenger.maxFileBytes !== undefined && m.size <= messenger.maxFileBytes;
    const delivery = fits ? 'attached' : m.link ? 'link' : 'unavailable';
    return {
      kind: 'file',
      title: m.title,
      name: m.name,
      size: m.size,
      delivery,
      ...(m.link ? { link: m.link } : {}),
      ...itemIndex(m),
    };
  });
}

/**
 * The bytes of every file the views mark `attached`. A file that can no
 * longer be read (moved since the configuration was checked) is marked
 * `unavailable` in the views and named in `unreadable`.
 */
export async function readAttachedFiles(
  ctx: AppContext,
  round: Round,
  views: MaterialView[],
): Promise<{ files: OutgoingFile[]; unreadable: string[] }> {
  const materials = ctx.definitions.get(round.id)?.materials ?? [];
  const files: OutgoingFile[] = [];
  const unreadable: string[] = [];
  for (const [i, view] of views.entries()) {
    const material = materials[i];
    if (view.kind !== 'file' || view.delivery !== 'attached' || material?.kind !== 'file') continue;
    try {
      files.push({ name: material.name, mimeType: material.mimeType, content: await readFile(material.path) });
    } catch (error) {
      ctx.logger.warn({ roundId: round.id, file: material.path, error: String(error) }, 'material unreadable');
      views[i] = { ...view, delivery: view.link ? 'link' : 'unavailable' };
      unreadable.push(material.name);
    }
  }
  return { files, unreadable };
}

/**
 * Tells staff, once per member and invitation, which materials did not reach
 * the member and why, so they can send them another way.
 */
export async function tellStaffMaterialsMissing(
  ctx: AppContext,
  round: Round,
  committee: Committee,
  member: Member,
  postKey: string,
  missing: ReadonlyArray<Pick<MissingPart, 'label' | 'reason'>>,
): Promise<void> {
  const locale = committee.locale;
  const items = missing.map((part) => {
    const file = part.label.kind === 'file' ? part.label.name : `#${part.label.index + 1}`;
    const reason = part.reason.endsWith(': uncertain')
      ? t(locale, 'staff.parts.uncertain')
      : failureText(part.reason, locale);
    return `• ${t(locale, 'staff.parts.file', { file, reason })}`;
  });
  const text = t(locale, 'staff.materials.missing', {
    title: round.title,
    name: member.name,
    items: items.join('\n'),
  });
  for (const { messenger, channelId } of ctx.staffChannels(committee)) {
    const key = `${postKey}#materials-missing:${messenger.platform}`;
    await deliverOnce(ctx, key, messenger.platform, () =>
      messenger.postToStaff(channelId, { kind: 'text', locale, text }, key),
    );
  }
  await ctx.store.audit({
    at: ctx.now(),
    actor: 'system',
    action: 'invite.materialsMissing',
    roundId: round.id,
    memberId: member.id,
    detail: { files: missing.map((m) => (m.label.kind === 'file' ? m.label.name : String(m.label.index))) },
  });
}
