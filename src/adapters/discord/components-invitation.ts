/**
 * The buttons under member DMs: Answer and Decline on invitations, Answer on
 * reminders, Edit on receipts, Next/Submit after each questionnaire page.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { t } from '../../core/i18n/catalogue.ts';
import type { Locale } from '../../core/model.ts';
import { type CustomAction, encodeCustomId } from './custom-ids.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

function button(
  label: string,
  action: CustomAction,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
): APIButtonComponent {
  return { type: ComponentType.Button, style, label, custom_id: encodeCustomId(action) };
}

function row(...buttons: APIButtonComponent[]): ButtonRow {
  return { type: ComponentType.ActionRow, components: buttons };
}

/** Answer + Decline, under an invitation. */
export function invitationButtons(roundId: string, locale: Locale): ButtonRow[] {
  return [
    row(
      button(t(locale, 'button.answer'), { kind: 'open', roundId, page: 0 }, ButtonStyle.Primary),
      button(t(locale, 'button.decline'), { kind: 'decline', roundId }, ButtonStyle.Secondary),
    ),
  ];
}

/** Answer, under a reminder. */
export function reminderButtons(roundId: string, locale: Locale): ButtonRow[] {
  return [row(button(t(locale, 'button.answer'), { kind: 'open', roundId, page: 0 }, ButtonStyle.Primary))];
}

/** Edit, under a receipt (while edits are possible). */
export function receiptButtons(roundId: string, locale: Locale): ButtonRow[] {
  return [row(button(t(locale, 'button.edit'), { kind: 'open', roundId, page: 0 }, ButtonStyle.Secondary))];
}

/** After a saved page: Next (when a page follows) and Submit (unless already submitted). */
export function pageButtons(roundId: string, nextPage: number | null, submitted: boolean, locale: Locale): ButtonRow[] {
  const buttons: APIButtonComponent[] = [];
  if (nextPage !== null)
    // The message carrying Next shows the next page's full prompts, so it opens the modal at once.
    buttons.push(button(t(locale, 'button.next'), { kind: 'fill', roundId, page: nextPage }, ButtonStyle.Primary));
  if (!submitted)
    buttons.push(
      button(
        t(locale, 'button.submit'),
        { kind: 'submit', roundId },
        nextPage === null ? ButtonStyle.Success : ButtonStyle.Secondary,
      ),
    );
  return buttons.length === 0 ? [] : [row(...buttons)];
}

/** Under a page's full prompts: opens that page's modal. */
export function fillButtons(roundId: string, page: number, locale: Locale): ButtonRow[] {
  return [row(button(t(locale, 'button.answer'), { kind: 'fill', roundId, page }, ButtonStyle.Primary))];
}
