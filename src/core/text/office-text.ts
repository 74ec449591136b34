/**
 * How letters name the secretariat: the sender line of an invitation
 * (`서울특별시 행정국 대외협력과`) and the contact members call
 * (`대외협력과 홍길동 주무관(☎ 02-2133-0000)`). Pure.
 */
import type { CommitteeOffice, OfficeContact } from '../model.ts';

/** The sender: organisation, bureau and department as configured; undefined when none is. */
export function senderOf(office: CommitteeOffice | undefined): string | undefined {
  const parts = [office?.organisation, office?.bureau, office?.department].filter((p): p is string => !!p);
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** The contact members are told to call: the one marked, else the last listed (the 담당). */
function memberContactOf(office: CommitteeOffice | undefined): OfficeContact | undefined {
  const contacts = office?.contacts ?? [];
  return contacts.find((c) => c.forMembers) ?? contacts.at(-1);
}

/** `대외협력과 홍길동 주무관(☎ 02-2133-0000)`; undefined when no contact is configured. */
export function memberContactText(office: CommitteeOffice | undefined): string | undefined {
  const contact = memberContactOf(office);
  if (!contact) return undefined;
  const who = [office?.department, contact.name, contact.title].filter((p): p is string => !!p).join(' ');
  return contact.phone ? `${who}(☎ ${contact.phone})` : who;
}
