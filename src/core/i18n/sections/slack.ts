import { defineSection } from '../define-section.ts';

/** Texts only the Slack adapter shows: status bars, question labels, file notes. */
export const slackTexts = defineSection({
  ko: {
    'slack.status.bar': '{bar} 제출 {submitted}/{total}',
    'slack.status.counts':
      '전달 {delivered} · 작성 중 {answering} · 제출 {submitted} · 불참 {declined} · 전달 실패 {failed} · 대기 {pending}',
    'slack.status.failures': '전달 실패: {list}',
    'slack.form.questionAbove': '자문내용 {questionId}(위 설명 참고)',
    'slack.summary.files': '전체 결과 파일 (Markdown, CSV)',
    'slack.export.failed':
      '파일을 개인 메시지(DM)로 보내 드리지 못하였습니다({reason}). 잠시 후 다시 요청하여 주시기 바랍니다.',
    'slack.export.sentByDm':
      '{names} 파일은 위원 이름과 의견이 담겨 있어 개인 메시지(DM)로 보내 드렸습니다. 이 채널에는 올리지 않았습니다.',
    'slack.command.failed': '명령을 처리하지 못하였습니다. 잠시 후 다시 시도하여 주시기 바랍니다.',
    'slack.dm.failed': '처리하지 못하였습니다. 잠시 후 다시 시도하여 주시기 바랍니다.',
    'slack.reply.sentByDm':
      '답변이 길어 여기에는 첫 부분만 표시하였습니다. 전체 내용({count}개 메시지)은 개인 메시지(DM)로 보내 드렸습니다.',
    'slack.reply.dmFailed':
      '답변이 길어 전체 내용을 개인 메시지(DM)로 보내 드리려 하였으나 보내지 못하였습니다({reason}). 잠시 후 다시 요청하여 주시기 바랍니다.',
    'slack.replay.refused':
      '이미 처리한 요청과 똑같은 요청이 다시 접수되어 처리하지 않았습니다. 다시 실행하시려면 명령을 새로 입력하여 주시기 바랍니다.',
  },
  en: {
    'slack.status.bar': '{bar} {submitted}/{total} submitted',
    'slack.status.counts':
      'delivered {delivered} · answering {answering} · submitted {submitted} · declined {declined} · failed {failed} · pending {pending}',
    'slack.status.failures': 'Not delivered: {list}',
    'slack.form.questionAbove': 'Question {questionId} (see above)',
    'slack.summary.files': 'Full results (Markdown, CSV)',
    'slack.export.failed':
      'The file could not be sent to you as a direct message ({reason}). Please ask again shortly.',
    'slack.export.sentByDm':
      '{names} holds members’ names and answers, so it was sent to you as a direct message, not posted in this channel.',
    'slack.command.failed': 'The command could not be processed. Please try again shortly.',
    'slack.dm.failed': 'That did not work. Please try again shortly.',
    'slack.reply.sentByDm':
      'The answer is long, so only its first part is shown here. The whole ({count} messages) was sent to you as a direct message.',
    'slack.reply.dmFailed':
      'The answer is long and could not be sent to you whole as a direct message ({reason}). Please ask again shortly.',
    'slack.replay.refused':
      'This request repeats one already handled, so it was not carried out again. To run it again, please type the command anew.',
  },
});
