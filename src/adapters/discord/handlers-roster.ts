/**
 * `/jamun members` on Discord (issue 12): the roster's buttons open a modal
 * with Discord's user select; its submission goes to the core, which checks
 * the person is staff of the committee (roles too), takes the name from
 * the profile when left blank, stores and audits. Every answer is private.
 */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { JamunApi } from '../../core/app/inbound.ts';
import { describeError } from '../../core/i18n/catalogue.ts';
import { staffActor } from './handlers-staff.ts';
import { answerInteraction } from './interaction-reply.ts';
import { memberModal, ROSTER_FIELD, type RosterAction, removeModal } from './roster-components.ts';

/** A text the person typed, blank as absent. */
function typed(interaction: ModalSubmitInteraction, id: string): string | undefined {
  const field = interaction.fields.fields.get(id);
  const value = field && 'value' in field && typeof field.value === 'string' ? field.value.trim() : '';
  return value === '' ? undefined : value;
}

export class RosterHandlers {
  constructor(private readonly app: () => JamunApi) {}

  /** Add-or-change and remove: the modal, for staff of the committee; a private refusal otherwise. */
  async onButton(interaction: ButtonInteraction, action: RosterAction): Promise<void> {
    const actor = staffActor(interaction);
    const view = await this.app().rosterView(actor, action.committeeId);
    if (!view.ok) {
      const locale = await this.app().localeOf(actor);
      return answerInteraction(interaction, async () => ({ text: describeError(view.error, locale), ephemeral: true }));
    }
    await interaction.showModal(action.op === 'add' ? memberModal(view.value) : removeModal(view.value));
  }

  /** A submitted roster modal: the person picked, and for adding what staff typed. */
  async onModal(interaction: ModalSubmitInteraction, action: RosterAction): Promise<void> {
    const actor = staffActor(interaction);
    const picked = interaction.fields.getSelectedUsers(ROSTER_FIELD.user)?.first()?.id;
    await answerInteraction(interaction, async () => {
      const locale = await this.app().localeOf(actor);
      if (!picked) return { text: describeError({ code: 'ROSTER.NOT_A_MEMBER', params: {} }, locale), ephemeral: true };
      const user = { platform: 'discord' as const, userId: picked };
      const name = typed(interaction, ROSTER_FIELD.name);
      const role = typed(interaction, ROSTER_FIELD.role);
      const timeZone = typed(interaction, ROSTER_FIELD.timeZone);
      const result =
        action.op === 'removeForm'
          ? await this.app().removeMember(actor, action.committeeId, user)
          : await this.app().setMember(actor, action.committeeId, {
              ...user,
              ...(name ? { name } : {}),
              ...(role ? { role } : {}),
              ...(timeZone ? { timeZone } : {}),
            });
      if (!result.ok) return { text: describeError(result.error, locale), ephemeral: true, locale };
      return { text: result.value.text, ephemeral: true, locale: result.value.locale };
    });
  }
}
