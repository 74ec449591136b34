import { defineSection } from '../define-section.ts';

/**
 * Texts of sends whose outcome staff must know: uncertain sends, resends,
 * commands repeated within minutes, parts of a post that are missing, and
 * the notices members get when a round changes.
 */
export const certaintyTexts = defineSection({
  ko: {
    'staff.uncertain':
      '확인 필요: 발송 중 중단되어 도착 여부를 알 수 없는 메시지가 있습니다. {items}\n해당 위원님께 확인하신 후, 자문 요청을 다시 보내려면 `resend {roundId} 위원ID`를 입력하여 주시기 바랍니다.',
    'staff.uncertain.kind.invite': '자문 요청',
    'staff.uncertain.kind.remind': '재안내',
    'staff.uncertain.kind.receipt': '제출 확인',
    'staff.uncertain.kind.notice': '변경 안내',
    'staff.resend.queued':
      '{name} 위원님께 자문 요청을 다시 보냅니다. 발송 결과는 `status {roundId}`에서 확인할 수 있습니다.',
    'staff.resend.unknownMember':
      '"{member}"에 해당하는 위원을 찾지 못하였습니다. 위원 ID 또는 이름을 확인하여 주시기 바랍니다.',
    'staff.resend.submitted': '{name} 위원님은 이미 제출하셨으므로 자문 요청을 다시 보내지 않았습니다.',
    'staff.repeat.remind':
      '{minutes}분 전에 재안내를 보냈으므로 이번 요청으로는 보내지 않았습니다. {until} 이후에 다시 요청하실 수 있습니다.',
    'staff.repeat.resend':
      '{minutes}분 전에 {name} 위원님께 자문 요청을 다시 보냈으므로 이번 요청으로는 보내지 않았습니다. {until} 이후에 다시 요청하실 수 있습니다.',
    'staff.opened.resumed':
      '「{title}」 시작이 중단되어 있었습니다. 남은 위원 {count}명의 자문 요청을 발송 대기열에 넣었습니다.',
    'staff.parts.missing':
      '「{title}」 요약 중 일부를 게시하지 못하였습니다.\n{items}\n결과 파일은 `export {roundId} csv`(또는 md, json)로 받으실 수 있습니다.',
    'staff.parts.file': '{file} 파일을 첨부하지 못하였습니다: {reason}',
    'staff.materials.missing':
      '「{title}」 {name} 위원님께 안건 설명자료 일부를 보내지 못하였습니다. 자문 요청 메시지는 전달되었습니다. 빠진 자료는 전자우편 등 다른 방법으로 보내 드려 주시기 바랍니다.\n{items}',
    'staff.parts.section': '요약 본문 {index}번째 부분을 게시하지 못하였습니다: {reason}',
    'staff.parts.uncertain': '게시 도중 중단되어 게시 여부를 알 수 없습니다',
    'member.notice.extended':
      '「{title}」의 제출 기한이 {closesAt}까지로 연장되었음을 안내드립니다. 바쁘시더라도 기한 내 제출하여 주시면 감사하겠습니다.',
    'member.notice.reopened':
      '「{title}」의 의견 제출을 다시 받게 되어 안내드립니다. 제출 기한은 {closesAt}까지입니다. 바쁘시더라도 기한 내 제출하여 주시면 감사하겠습니다.',
    'member.notice.cancelled':
      '「{title}」{title|이/가} 취소되었음을 안내드립니다. 의견을 제출하지 않으셔도 됩니다. 협조하여 주셔서 감사합니다.',
  },
  en: {
    'staff.uncertain':
      'Check: sending was interrupted for these messages, so they may or may not have arrived. {items}\nAsk the member; to send the invitation again, use `resend {roundId} MEMBER_ID`.',
    'staff.uncertain.kind.invite': 'invitation',
    'staff.uncertain.kind.remind': 'reminder',
    'staff.uncertain.kind.receipt': 'receipt',
    'staff.uncertain.kind.notice': 'notice of a change',
    'staff.resend.queued': 'Sending the invitation to {name} again. See how it went with `status {roundId}`.',
    'staff.resend.unknownMember': 'No member matches "{member}". Check the member id or name.',
    'staff.resend.submitted': '{name} has already submitted, so the invitation was not sent again.',
    'staff.repeat.remind':
      'A reminder went out {minutes} {minutes|minute|minutes} ago, so none was sent now. You can ask again after {until}.',
    'staff.repeat.resend':
      'The invitation was sent to {name} again {minutes} {minutes|minute|minutes} ago, so it was not sent now. You can ask again after {until}.',
    'staff.opened.resumed':
      'Opening "{title}" had been interrupted. The invitations of the remaining {count} {count|member|members} are now queued.',
    'staff.parts.missing':
      'Part of the summary of "{title}" could not be posted.\n{items}\nGet the results with `export {roundId} csv` (or md, json).',
    'staff.parts.file': 'the file {file} could not be attached: {reason}',
    'staff.materials.missing':
      '"{title}": some agenda materials did not reach {name}. The invitation itself arrived. Please send the missing files another way (e.g. e-mail).\n{items}',
    'staff.parts.section': 'part {index} of the summary text could not be posted: {reason}',
    'staff.parts.uncertain': 'posting was interrupted; it may or may not be there',
    'member.notice.extended':
      'The deadline of "{title}" has been extended to {closesAt}. Please submit your advice by then.',
    'member.notice.reopened':
      '"{title}" is open for answers again until {closesAt}. Please submit your advice by then.',
    'member.notice.cancelled': '"{title}" has been cancelled. You need not submit anything. Thank you for your help.',
  },
});
