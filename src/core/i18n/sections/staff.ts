import { defineSection } from '../define-section.ts';

/** Texts staff see: command replies, progress, help. */
export const staffTexts = defineSection({
  ko: {
    'staff.progress': '「{roundTitle}」 자문 요청 발송 중: {delivered}/{total}명 전달',
    'staff.progressDone': '「{roundTitle}」 자문 요청 발송 완료: {delivered}/{total}명 전달',
    'staff.progressFailures': '전달하지 못한 위원:',
    'staff.progressMore': '그 밖의 {count}명은 현황(/jamun status)에서 확인하시기 바랍니다.',
    'staff.help':
      'jamun 사무국 명령\n{usage}\n\n회차 ID는 `list`로 확인하실 수 있습니다. 마감 연장 예: `extend 2024-1 2024-02-20 18:00`',
    'staff.list.header': '자문 회차 목록',
    'staff.list.line': '{roundId} · {title} · {status} · {dates}',
    'staff.dates.deadline': '마감 기한 {deadline}',
    'staff.dates.closed': '{closedAt} 마감됨',
    'staff.dates.closedEarly': '{closedAt} 조기 마감(당초 마감 기한 {deadline})',
    'staff.list.empty': '설정된 자문 회차가 없습니다. config/rounds/에 회차 파일을 추가하여 주시기 바랍니다.',
    'staff.show':
      '「{title}」({roundId})\n상태: {status} · {dates}\n일시: {opensAt} ~ {closesAt}, 근무일 기준 {businessDays}일\n{anonymous}\n안건:\n{agenda}',
    'staff.show.anonymous': '요약: 익명(위원 A, B …)',
    'staff.show.attributed': '요약: 실명',
    'staff.opened': '「{title}」{title|을/를} 시작하였습니다. 위원 {count}명에게 자문 요청을 보냅니다{when}.',
    'staff.opened.later': '({opensAt} 발송 예정)',
    'staff.status':
      '「{title}」({roundId}) · {status} · {dates}\n{bar} 제출 {submitted}/{total}명\n전달 {delivered} · 미발송 {pending} · 작성 중 {answering} · 제출 {submitted} · 불참 {declined} · 전달 실패 {failed}',
    'staff.status.notSubmitted': '요청을 받고 아직 제출하지 않은 위원: {names}',
    'staff.status.notReached': '자문 요청이 아직 전달되지 않은 위원: {names}',
    'staff.status.neverReached':
      '아직 어느 위원({count}명)에게도 자문 요청이 전달되지 않았습니다. 미제출은 답하지 않은 것이 아니라 요청을 받지 못한 것입니다.',
    'staff.status.failures': '전달 실패: {items}',
    'staff.status.none': '진행 중인 회차가 없습니다. `list`로 회차 목록을 확인하여 주시기 바랍니다.',
    'staff.reminded': '미제출 위원 {count}명에게 재안내를 보냅니다.',
    'staff.reminded.none': '재안내할 위원이 없습니다. 모든 위원이 제출하였거나 불참 의사를 밝혔습니다.',
    'staff.extended': '마감 기한을 {closesAt}까지로 연장하였습니다. 재안내 일정도 다시 잡았습니다.',
    'staff.extended.reopened':
      '마감되었던 회차를 다시 열고 마감 기한을 {closesAt}까지로 연장하였습니다. 미제출 위원께 드릴 재안내 일정을 다시 잡았습니다.',
    'staff.extended.closedDay': '참고: 새 마감 기한({closesAt})은 근무일이 아닙니다(주말 또는 공휴일).',
    'staff.closed': '「{title}」{title|을/를} 마감하였습니다. 요약을 사무국 채널에 게시합니다.',
    'staff.cancelled': '「{title}」{title|을/를} 취소하였습니다. 남은 발송과 재안내는 모두 취소되었습니다.',
    'staff.summaryPosted': '「{title}」 요약을 사무국 채널에 게시하였습니다(제출 {submitted}/{invited}명).',
    'staff.summaryNoChannel':
      '사무국 채널이 설정되지 않아 요약을 게시하지 못하였습니다. 내보내기(export)로 받아 주시기 바랍니다.',
    'staff.summaryNotConnected':
      '요약을 파일로 작성하였습니다. 이 명령은 메신저에 연결하지 않으므로 사무국 채널에는 게시하지 않았습니다.',
    'staff.summaryPostFailed': '요약을 사무국 채널에 게시하지 못하였습니다(메신저 오류). 파일로 첨부합니다.',
    'staff.exported': '「{title}」 결과를 {format} 파일로 내보냈습니다: {file}',
    'staff.status.draft': '준비',
    'staff.status.open': '진행 중',
    'staff.status.closed': '마감됨',
    'staff.status.summarised': '요약 완료',
    'staff.status.cancelled': '취소',
    'staff.failure.no_platform': '연결된 메신저 계정 없음',
    'staff.failure.exhausted': '여러 차례 다시 보냈으나 전달 실패',
    'staff.failure.uncertain': '발송 중 중단되어 도착 여부 불확실(위원께 확인 필요)',
  },
  en: {
    'staff.progress': 'Sending "{roundTitle}": {delivered}/{total} delivered',
    'staff.progressDone': 'Sent "{roundTitle}": {delivered}/{total} delivered',
    'staff.progressFailures': 'Could not reach:',
    'staff.progressMore': 'And {count} more: see /jamun status.',
    'staff.help':
      'jamun staff commands\n{usage}\n\nSee round ids with `list`. Extending, e.g.: `extend 2024-1 2024-02-20 18:00`',
    'staff.list.header': 'Rounds',
    'staff.list.line': '{roundId} · {title} · {status} · {dates}',
    'staff.dates.deadline': 'deadline {deadline}',
    'staff.dates.closed': 'closed {closedAt}',
    'staff.dates.closedEarly': 'closed early {closedAt} (the deadline was {deadline})',
    'staff.list.empty': 'No rounds are configured. Add a round file under config/rounds/.',
    'staff.show':
      '{title} ({roundId})\nStatus: {status} · {dates}\nDates: {opensAt} to {closesAt}, {businessDays} business {businessDays|day|days}\n{anonymous}\nAgenda:\n{agenda}',
    'staff.show.anonymous': 'Summary: anonymous (Member A, B …)',
    'staff.show.attributed': 'Summary: attributed by name',
    'staff.opened': 'Opened "{title}". Inviting {count} {count|member|members}{when}.',
    'staff.opened.later': ' (sending at {opensAt})',
    'staff.status':
      '{title} ({roundId}) · {status} · {dates}\n{bar} submitted {submitted}/{total}\ndelivered {delivered} · not sent yet {pending} · answering {answering} · submitted {submitted} · declined {declined} · failed {failed}',
    'staff.status.notSubmitted': 'Invited, not submitted yet: {names}',
    'staff.status.notReached': 'Invitation not delivered yet: {names}',
    'staff.status.neverReached':
      'No invitation has reached any of the {count} members yet: "not submitted" here means never asked, not no answer.',
    'staff.status.failures': 'Delivery failed: {items}',
    'staff.status.none': 'No round is open. See the rounds with `list`.',
    'staff.reminded': 'Reminding {count} {count|member|members} who {count|has|have} not submitted.',
    'staff.reminded.none': 'Nobody to remind: everyone has submitted or declined.',
    'staff.extended': 'The deadline is now {closesAt}. Reminders were planned again.',
    'staff.extended.reopened':
      'The closed round is open again with the deadline {closesAt}. Reminders to members who have not submitted were planned again.',
    'staff.extended.closedDay': 'Note: the new deadline ({closesAt}) is not a working day (weekend or public holiday).',
    'staff.closed': 'Closed "{title}". Posting the summary to the staff channel.',
    'staff.cancelled': 'Cancelled "{title}". All pending sends and reminders were cancelled.',
    'staff.summaryPosted': 'Posted the summary of "{title}" to the staff channel ({submitted}/{invited} submitted).',
    'staff.summaryNoChannel': 'No staff channel is configured, so the summary was not posted. Use export to get it.',
    'staff.summaryNotConnected':
      'The summary was written as a file. This command does not connect to a messenger, so it was not posted to the staff channel.',
    'staff.summaryPostFailed':
      'The summary could not be posted to the staff channel (messenger error); it is attached as a file.',
    'staff.exported': 'Exported "{title}" as {format}: {file}',
    'staff.status.draft': 'draft',
    'staff.status.open': 'open',
    'staff.status.closed': 'closed',
    'staff.status.summarised': 'summarised',
    'staff.status.cancelled': 'cancelled',
    'staff.failure.no_platform': 'no messenger account configured',
    'staff.failure.exhausted': 'failed after several retries',
    'staff.failure.uncertain': 'sending was interrupted; it may or may not have arrived (check with the member)',
  },
});
