import { defineSection } from '../define-section.ts';

/**
 * Texts of the domain error codes (see `src/core/errors.ts`). Members read
 * the MEMBER.*, ANSWER.*, DECLINE.* and ROUND.CLOSED/CANCELLED texts: they
 * name rounds by title (`{roundTitle}`, filled from the id when the caller
 * has no title), never by id.
 */
export const errorTexts = defineSection({
  ko: {
    'action.open': '열',
    'action.close': '마감할',
    'action.cancel': '취소할',
    'action.extend': '연장할',
    'action.summarise': '요약할',
    'action.remind': '재안내할',
    'ROUND.NOT_FOUND': '"{roundId}" 회차를 찾을 수 없습니다. `list`로 회차 목록을 확인하여 주시기 바랍니다.',
    'ROUND.NOT_OPEN': '「{roundTitle}」{roundTitle|은/는} 아직 시작되지 않았습니다.',
    'ROUND.ALREADY_OPEN': '「{roundTitle}」{roundTitle|은/는} 이미 진행 중입니다.',
    'ROUND.CLOSED':
      '「{roundTitle}」{roundTitle|은/는} {closesAt}에 마감되었습니다. 의견을 추가로 보내시려면 사무국에 문의하여 주시기 바랍니다.',
    'ROUND.CANCELLED': '「{roundTitle}」{roundTitle|이/가} 취소되었습니다.',
    'ROUND.INVALID_TRANSITION': '「{roundTitle}」{roundTitle|은/는} 현재 {status} 상태이므로 {action} 수 없습니다.',
    'ROUND.EXTEND_NOT_LATER': '새 마감 일시({until})는 현재 마감 일시({closesAt})보다 늦고 지금 이후여야 합니다.',
    'ROUND.NOT_CLOSED': '「{roundTitle}」{roundTitle|이/가} 아직 마감되지 않아 요약을 작성할 수 없습니다.',
    'ROUND.AMBIGUOUS': '진행 중인 회차가 여러 개입니다: {roundIds}. 회차 ID를 지정하여 주시기 바랍니다.',
    'ROUND.DEADLINE_PASSED':
      '"{roundId}" 회차는 마감 일시({closesAt})가 이미 지나 시작할 수 없습니다. 회차 파일의 window.closes를 앞으로의 일시로 고친 뒤 다시 시작하여 주시기 바랍니다.',
    'REMIND.NOT_REACHED':
      '자문 요청을 받은 위원이 아직 없어 재안내하지 않았습니다(미제출 위원 {count}명 모두 요청 미전달). 자문 요청은 실행 중인 봇이 보냅니다. `status`로 전달 현황을 확인하여 주시기 바랍니다.',
    'MEMBER.UNKNOWN': '위원 명단에서 위원님을 확인하지 못하였습니다. 사무국에 문의하여 주시기 바랍니다.',
    'MEMBER.NOT_IN_ROUND': '「{roundTitle}」의 자문 대상 위원 명단에서 위원님을 확인하지 못하였습니다.',
    'MEMBER.REMOVED': '위원님은 「{roundTitle}」의 자문 대상에서 제외되었습니다. 사무국에 문의하여 주시기 바랍니다.',
    'STAFF.FORBIDDEN': '사무국 전용 명령입니다.',
    'ANSWER.TOO_LONG':
      '자문내용 {questionId}의 의견이 {length}자로, 최대 {limit}자를 넘습니다. 작성하신 내용은 임시 저장되었으니 {over}자를 줄여 다시 저장하여 주시기 바랍니다.',
    'ANSWER.REQUIRED': '자문내용 {questionId}{questionId|은/는} 필수 문항입니다. 의견을 작성하여 주시기 바랍니다.',
    'ANSWER.MISSING':
      '아직 작성하지 않으신 필수 문항이 있어 제출할 수 없습니다: {questions}. 작성하신 의견은 임시 저장되어 있습니다.',
    'ANSWER.UNKNOWN_QUESTION': '이 서면자문에는 "{questionId}" 문항이 없습니다.',
    'ANSWER.INVALID_CHOICE':
      '자문내용 {questionId}의 선택지에 "{choice}"{choice|이/가} 없습니다. 다음 중에서 선택하여 주십시오: {options}',
    'ANSWER.OUT_OF_RANGE': '자문내용 {questionId}의 값은 {min}에서 {max} 사이여야 합니다.',
    'ANSWER.TOO_LARGE':
      '자문내용 {questionId}의 의견이 {length}자로 너무 깁니다. {limit}자를 넘는 글은 저장하지 않았습니다. 나누어 보내 주시거나 사무국에 파일로 보내 주시기 바랍니다.',
    'ANSWER.NOT_TEXT': '자문내용 {questionId}에는 글로 작성하여 주십시오.',
    'ANSWER.ONE_CHOICE_ONLY': '자문내용 {questionId}에서는 하나만 선택하실 수 있습니다.',
    'ANSWER.NOT_CHOICE': '자문내용 {questionId}에서는 다음 선택지 중에서 선택하여 주십시오: {options}',
    'ANSWER.NOT_A_NUMBER': '자문내용 {questionId}에는 {min}에서 {max} 사이의 정수를 적어 주십시오.',
    'ANSWER.ALREADY_SUBMITTED':
      '이미 제출하셨습니다({submittedAt}). 기한까지는 "수정" 버튼으로 의견을 고치실 수 있습니다.',
    'ANSWER.ALREADY_DECLINED':
      '이번 서면자문에 불참하시는 것으로 접수되어 있습니다. 참여하시려면 "의견 작성" 버튼을 눌러 주시기 바랍니다.',
    'ANSWER.NO_QUESTION_ASKED':
      '어느 문항에 대한 의견인지 확인하지 못하였습니다. "의견 작성" 버튼으로 질문지를 열어 주시기 바랍니다.',
    'DECLINE.REASON_REQUIRED': '불참 사유를 한 줄 적어 주시기 바랍니다.',
    'COMMAND.UNKNOWN': '"{verb}"{verb|은/는} 없는 명령입니다. `help`로 사용법을 확인하여 주시기 바랍니다.',
    'COMMAND.USAGE': '사용법: {usage}',
    'DATE.INVALID': '"{value}"{value|은/는} 올바른 일시가 아닙니다. 예: 2024-02-20 18:00',
    'EXPORT.FORMAT': '내보내기 형식은 csv, md, json 중 하나입니다.',
    'REPORT.FORMAT': '결과 보고 문서 형식은 docx, xlsx, pdf, md 중 하나입니다.',
    'REPORT.UNAVAILABLE':
      '이 실행 환경에서는 결과 보고 문서를 만들 수 없습니다. jamun round report 명령으로 작성하여 주시기 바랍니다.',
    'CALENDAR.UNKNOWN_YEAR':
      '{years}년 공휴일 자료가 없어 회차를 시작하지 않았습니다. 위원회 설정의 extra_closed_days에 그해 공휴일을 적거나 jamun calendar import로 공식 자료를 넣은 뒤 다시 시작하여 주시기 바랍니다.',
  },
  en: {
    'action.open': 'open',
    'action.close': 'close',
    'action.cancel': 'cancel',
    'action.extend': 'extend',
    'action.summarise': 'summarise',
    'action.remind': 'send reminders for',
    'ROUND.NOT_FOUND': 'Round "{roundId}" was not found. Use `list` to see the rounds.',
    'ROUND.NOT_OPEN': '"{roundTitle}" has not started yet.',
    'ROUND.ALREADY_OPEN': '"{roundTitle}" is already open.',
    'ROUND.CLOSED': '"{roundTitle}" closed at {closesAt}. Please contact the secretariat to send further advice.',
    'ROUND.CANCELLED': '"{roundTitle}" was cancelled.',
    'ROUND.INVALID_TRANSITION': '"{roundTitle}" is {status}, so you cannot {action} it.',
    'ROUND.EXTEND_NOT_LATER':
      'The new deadline ({until}) must be later than the current one ({closesAt}) and in the future.',
    'ROUND.NOT_CLOSED': '"{roundTitle}" has not closed yet, so there is no summary.',
    'ROUND.AMBIGUOUS': 'Several rounds are open: {roundIds}. Please name one.',
    'ROUND.DEADLINE_PASSED':
      'Round "{roundId}" cannot be opened: its deadline ({closesAt}) has passed. Set window.closes in the round file to a future time, then open it again.',
    'REMIND.NOT_REACHED':
      'Nobody was reminded: none of the {count} members who have not submitted has received the invitation yet. Invitations are sent by the running bot; see `status` for deliveries.',
    'MEMBER.UNKNOWN': 'You are not on the committee list. Please contact the secretariat.',
    'MEMBER.NOT_IN_ROUND': 'You are not among the members consulted in "{roundTitle}".',
    'MEMBER.REMOVED': 'You were removed from "{roundTitle}". Please contact the secretariat.',
    'STAFF.FORBIDDEN': 'This command is for the secretariat only.',
    'ANSWER.TOO_LONG':
      'Your answer to question {questionId} has {length} characters; the limit is {limit}. Your text was saved as a draft: please shorten it by {over} characters and save again.',
    'ANSWER.REQUIRED': 'Question {questionId} is required. Please answer it.',
    'ANSWER.MISSING':
      'Some required questions have no answer yet, so this cannot be submitted: {questions}. Your answers so far are saved as drafts.',
    'ANSWER.UNKNOWN_QUESTION': 'There is no question "{questionId}" in this round.',
    'ANSWER.INVALID_CHOICE': 'Question {questionId} has no option "{choice}". Options: {options}',
    'ANSWER.OUT_OF_RANGE': 'The answer to question {questionId} must be between {min} and {max}.',
    'ANSWER.TOO_LARGE':
      'Your answer to question {questionId} has {length} characters, which is too large: text over {limit} characters was not saved. Please split it, or send it to the secretariat as a file.',
    'ANSWER.NOT_TEXT': 'Please answer question {questionId} with text.',
    'ANSWER.ONE_CHOICE_ONLY': 'Question {questionId} takes one choice only.',
    'ANSWER.NOT_CHOICE': 'Please answer question {questionId} by picking from: {options}',
    'ANSWER.NOT_A_NUMBER': 'Please answer question {questionId} with a whole number from {min} to {max}.',
    'ANSWER.ALREADY_SUBMITTED':
      'You already submitted ({submittedAt}). Use "Edit" to change your answers until the deadline.',
    'ANSWER.ALREADY_DECLINED':
      'You said you cannot take part in this round. Press "Write advice" to take part after all.',
    'ANSWER.NO_QUESTION_ASKED':
      'We could not tell which question this answers. Please open the questionnaire with "Write advice".',
    'DECLINE.REASON_REQUIRED': 'Please give a short reason for not taking part.',
    'COMMAND.UNKNOWN': 'Unknown command "{verb}". Use `help` to see the commands.',
    'COMMAND.USAGE': 'Usage: {usage}',
    'DATE.INVALID': '"{value}" is not a valid date and time. Example: 2024-02-20 18:00',
    'EXPORT.FORMAT': 'The export format is one of csv, md, json.',
    'REPORT.FORMAT': 'The report format is one of docx, xlsx, pdf, md.',
    'REPORT.UNAVAILABLE': 'This process cannot build report documents. Use jamun round report instead.',
    'CALENDAR.UNKNOWN_YEAR':
      "The round was not opened: there is no public-holiday data for {years}. List that year's holidays in the committee's extra_closed_days, or import the official list with jamun calendar import, then open it again.",
  },
});
