/**
 * The register of jamun's Korean texts, as a Seoul public servant writes to
 * outside experts (see the domain notes, `register-ko.md`). The catalogue
 * tests hold every Korean text to it.
 */

/** Words an app would use that an office does not, with what it writes instead. */
export const AVOIDED_WORDS: ReadonlyArray<{ avoid: string; write: string }> = [
  { avoid: '회원님', write: '위원님' },
  { avoid: '사양', write: '불참 (참여가 어렵습니다, 불참 사유)' },
  { avoid: '지각', write: '기한 후 제출' },
  { avoid: '영업일', write: '근무일 (근무일 기준 4일)' },
  { avoid: '독촉', write: '재안내, 제출 독려' },
  { avoid: '시도 기록', write: '사무국 전용 명령입니다.' },
  { avoid: '쓰세요', write: '작성하여 주십시오' },
  { avoid: '선택하세요', write: '선택하여 주십시오' },
];

/** Particle templates like `은(는)`: the particle helper chooses one (`{title|은/는}`). */
export const PARTICLE_TEMPLATE = /[은을이과](\((는|를|가|와)\))/u;

/**
 * Keys members read (the rest are staff texts). Member texts name rounds by
 * title, never by id, and carry no internal ids.
 */
export function isMemberText(key: string): boolean {
  return MEMBER_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

const MEMBER_KEY_PREFIXES = [
  'invite.',
  'reminder.',
  'receipt.',
  'button.',
  'form.',
  'saved.',
  'notice.',
  'member.notice.',
  'MEMBER.',
  'ANSWER.',
  'DECLINE.',
  'ROUND.CLOSED',
  'ROUND.CANCELLED',
  'STAFF.FORBIDDEN',
  'discord.deadline',
  'discord.pageSaved',
  'discord.nextPage',
  'discord.allPagesDone',
  'discord.editSaved',
  'discord.replyHint',
  'discord.part',
  'discord.choiceLines',
  'slack.form.',
  'slack.dm.',
];
