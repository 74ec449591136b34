/**
 * Texts of reloading the configuration and of the change rules of an open
 * round (`rounds/change-rules.ts`): staff-facing, in chat and at the CLI.
 */
import { defineSection } from '../define-section.ts';

export const changeTexts = defineSection({
  ko: {
    'change.reloaded': '설정을 다시 읽었습니다(위원회 {committees}개, 회차 {rounds}개).',
    'change.none': '진행 중인 회차에 반영할 변경 사항은 없습니다.',
    'change.header': '진행 중인 회차의 변경 사항:',
    'change.check.header': '진행 중인 회차와 설정 파일의 차이(`jamun config reload`로 반영):',
    'change.problems': '설정에 문제가 있어 다시 읽지 않았습니다. 기존 설정으로 계속 운영합니다.',
    'change.unavailable': '이 실행 환경에서는 설정을 다시 읽을 수 없습니다. 봇을 다시 시작하여 주시기 바랍니다.',
    'change.line': '• 회차 "{round}" {field}: {from} → {to}',
    'change.value.none': '(없음)',
    'change.value.true': '예',
    'change.value.false': '아니요',
    'change.reason.wording':
      '  반영하였습니다. 이후 보내는 안내부터 바뀐 문구를 씁니다(이미 보낸 안내는 그대로입니다).',
    'change.reason.form': '  반영하였습니다. 아직 답변한 위원이 없어 질문 구성을 바꾸었습니다.',
    'change.reason.answered':
      '  반영하지 않았습니다. 위원 {count}명이 이미 답변을 작성하여 질문 구성은 바꿀 수 없습니다. 질문을 바꾸려면 이 회차를 취소(cancel)하고 새 회차를 열어 주시기 바랍니다(문구 수정은 반영됩니다).',
    'change.reason.deadline':
      '  반영하지 않았습니다. 마감 기한은 설정 파일로 바꾸지 않습니다. extend {round} YYYY-MM-DD [HH:mm]로 연장하여 주시기 바랍니다.',
    'change.reason.opened': '  반영하지 않았습니다. 이미 열린 회차의 시작 시각은 바꿀 수 없습니다.',
    'change.reason.setting':
      '  반영하지 않았습니다. 위원회, 익명 여부, 기한 후 제출, 재안내 일정은 회차를 열 때 정해져 바꿀 수 없습니다. 바꾸려면 회차를 취소하고 새 회차를 열어 주시기 바랍니다.',
    'change.reason.finished': '  반영하지 않았습니다. 요약을 마쳤거나 취소된 회차는 기록으로 남기므로 바꾸지 않습니다.',
    'change.field.title': '제목',
    'change.field.description': '설명',
    'change.field.prompt': '문구',
    'change.field.help': '도움말',
    'change.field.scale_label_min': '척도 최솟값 설명',
    'change.field.scale_label_max': '척도 최댓값 설명',
    'change.field.kind': '질문 유형',
    'change.field.options': '선택지',
    'change.field.scale': '척도 범위',
    'change.field.required': '필수 여부',
    'change.field.max_length': '최대 글자 수',
    'change.field.question_order': '질문 순서',
    'change.field.committee': '위원회',
    'change.field.anonymous': '익명 여부',
    'change.field.allow_late': '기한 후 제출',
    'change.field.reminders': '재안내 일정',
    'change.field.opens': '시작 시각',
    'change.field.deadline': '마감 기한',
    'change.field.agenda': '안건 {id}',
    'change.field.question': '질문 {id}',
  },
  en: {
    'change.reloaded':
      'The configuration was read again ({committees} {committees|committee|committees}, {rounds} {rounds|round|rounds}).',
    'change.none': 'No change to apply to running rounds.',
    'change.header': 'Changes to running rounds:',
    'change.check.header': 'Differences between running rounds and the files (applied by `jamun config reload`):',
    'change.problems':
      'The configuration has problems, so it was not read again; the bot goes on with the previous one.',
    'change.unavailable': 'The configuration cannot be read again here; restart the bot.',
    'change.line': '• Round "{round}" {field}: {from} → {to}',
    'change.value.none': '(none)',
    'change.value.true': 'yes',
    'change.value.false': 'no',
    'change.reason.wording': '  Applied: later messages use the new wording (messages already sent stay as they were).',
    'change.reason.form': '  Applied: nobody has answered yet, so the questionnaire was changed.',
    'change.reason.answered':
      '  Not applied: {count} {count|member has|members have} already answered, so the questionnaire cannot change. To change questions, cancel this round and open a new one (wording changes still apply).',
    'change.reason.deadline':
      '  Not applied: the deadline does not change from the file. Use extend {round} YYYY-MM-DD [HH:mm].',
    'change.reason.opened': '  Not applied: the round has opened; its opening time cannot change.',
    'change.reason.setting':
      '  Not applied: the committee, anonymity, late answers and reminders are fixed when a round opens. To change them, cancel the round and open a new one.',
    'change.reason.finished': '  Not applied: a summarised or cancelled round is a record and does not change.',
    'change.field.title': 'title',
    'change.field.description': 'description',
    'change.field.prompt': 'prompt',
    'change.field.help': 'help',
    'change.field.scale_label_min': 'scale label (min)',
    'change.field.scale_label_max': 'scale label (max)',
    'change.field.kind': 'kind',
    'change.field.options': 'options',
    'change.field.scale': 'scale range',
    'change.field.required': 'required',
    'change.field.max_length': 'maximum length',
    'change.field.question_order': 'question order',
    'change.field.committee': 'committee',
    'change.field.anonymous': 'anonymous',
    'change.field.allow_late': 'late answers',
    'change.field.reminders': 'reminders',
    'change.field.opens': 'opening time',
    'change.field.deadline': 'deadline',
    'change.field.agenda': 'agenda item {id}',
    'change.field.question': 'question {id}',
  },
});
