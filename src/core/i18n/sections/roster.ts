/** Texts of `/jamun members` (staff-facing): the roster, and members added, changed or removed in chat. */
import { defineSection } from '../define-section.ts';

export const rosterTexts = defineSection({
  ko: {
    'ROSTER.COMMITTEE_REQUIRED': '위원회를 지정하여 주시기 바랍니다: members 위원회ID (담당 위원회: {committees})',
    'ROSTER.NOT_A_MEMBER': '선택하신 사용자는 이 위원회의 위원이 아닙니다.',
    'ROSTER.USER_NOT_FOUND': '선택하신 사용자를 메신저에서 찾을 수 없습니다.',
    'ROSTER.NOT_A_PERSON': '봇 계정이나 비활성 계정은 위원으로 등록할 수 없습니다.',
    'ROSTER.NAME_REQUIRED': '위원 성명을 적어 주시기 바랍니다(메신저 프로필에 이름이 없습니다).',
    'ROSTER.TOO_LONG': '{field}{field|은/는} {max}자 이내로 적어 주시기 바랍니다.',
    'ROSTER.TIME_ZONE':
      '시간대 「{value}」{value|을/를} 알 수 없습니다. Asia/Seoul과 같은 IANA 이름으로 적어 주시기 바랍니다.',
    'roster.header': '「{committee}」 위원 명단: {active}명(해촉 {inactive}명)',
    'roster.line': '{number}. {name} · {role} · {timeZone} · {reach}',
    'roster.line.inactive': '{number}. {name} · {role} · 해촉',
    'roster.role.none': '역할 미지정',
    'roster.reach.works': 'DM 가능',
    'roster.reach.closed': 'DM 불가({reason})',
    'roster.reach.unknown': 'DM 미확인',
    'roster.reach.none': '연결된 메신저 계정 없음',
    'roster.fromChat': '(대화에서 변경)',
    'roster.hint': '위원 추가·변경과 해촉은 아래 버튼으로 하여 주시기 바랍니다.',
    'roster.conflict.file-changed':
      '위원 {member}: 위원회 파일도 고쳐졌으나 대화에서 변경한 내용이 쓰입니다. 파일을 맞추어 주시기 바랍니다.',
    'roster.conflict.platform-id-taken':
      '위원회 파일의 위원 {fileMember}{fileMember|은/는} 대화에서 등록한 위원 {member}{member|과/와} 같은 메신저 계정이어서 제외하였습니다.',
    'roster.conflicts.header': '위원 명단: 위원회 파일과 대화에서의 변경이 겹칩니다.',
    'roster.field.name': '성명',
    'roster.field.role': '역할',
    'roster.added':
      '{name} 위원을 「{committee}」에 등록하였습니다({role}, {timeZone}). 다음에 시작하는 회차부터 안내됩니다.',
    'roster.added.openRounds': '진행 중인 회차({rounds})에는 초대되지 않습니다.',
    'roster.changed': '{name} 위원의 정보를 변경하였습니다({role}, {timeZone}).',
    'roster.reactivated': '{name} 위원을 다시 위촉하였습니다. 다음에 시작하는 회차부터 안내됩니다.',
    'roster.removed': '{name} 위원을 해촉하였습니다. 새 회차에 초대되지 않습니다.',
    'roster.removed.rounds':
      '진행 중인 회차 {count}건에서 제외하였습니다. 더 이상 재안내되지 않으며, 제출한 답변은 기록으로 남습니다.',
    'roster.removed.already': '{name} 위원은 이미 해촉되어 있습니다.',
    'roster.unchanged': '{name} 위원의 정보에 바뀐 것이 없습니다.',
  },
  en: {
    'ROSTER.COMMITTEE_REQUIRED': 'Name the committee: members COMMITTEE_ID (yours: {committees})',
    'ROSTER.NOT_A_MEMBER': 'The person you picked is not a member of this committee.',
    'ROSTER.USER_NOT_FOUND': 'The messenger does not know the person you picked.',
    'ROSTER.NOT_A_PERSON': 'A bot or a deactivated account cannot be a member.',
    'ROSTER.NAME_REQUIRED': "Give the member's name (their messenger profile has none).",
    'ROSTER.TOO_LONG': 'The {field} must be at most {max} characters.',
    'ROSTER.TIME_ZONE': 'Unknown time zone "{value}": give an IANA name such as Asia/Seoul.',
    'roster.header': 'Members of "{committee}": {active} active ({inactive} removed)',
    'roster.line': '{number}. {name} · {role} · {timeZone} · {reach}',
    'roster.line.inactive': '{number}. {name} · {role} · removed',
    'roster.role.none': 'no role',
    'roster.reach.works': 'DM works',
    'roster.reach.closed': 'DM closed ({reason})',
    'roster.reach.unknown': 'DM not tried yet',
    'roster.reach.none': 'no account on a connected messenger',
    'roster.fromChat': '(changed in chat)',
    'roster.hint': 'Add, change or remove members with the buttons below.',
    'roster.conflict.file-changed':
      'Member {member}: the committee file was edited too; the change made in chat is the one used. Bring the file in line.',
    'roster.conflict.platform-id-taken':
      'The file member {fileMember} has the messenger account of {member}, added in chat, and was left out.',
    'roster.conflicts.header': 'Members: the committee file and changes made in chat overlap.',
    'roster.field.name': 'name',
    'roster.field.role': 'role',
    'roster.added':
      'Added {name} to "{committee}" ({role}, {timeZone}). They will be invited from the next round that opens.',
    'roster.added.openRounds': 'They are not invited to rounds already open ({rounds}).',
    'roster.changed': 'Changed {name} ({role}, {timeZone}).',
    'roster.reactivated': '{name} is a member again, invited from the next round that opens.',
    'roster.removed': 'Removed {name}: they are not invited to new rounds.',
    'roster.removed.rounds':
      'Taken out of {count} open {count|round|rounds}: no more reminders; answers already submitted stay on record.',
    'roster.removed.already': '{name} was already removed.',
    'roster.unchanged': 'Nothing changed for {name}.',
  },
});
