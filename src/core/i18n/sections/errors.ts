import { defineSection } from '../define-section.ts';

/** Texts of the domain error codes (see `src/core/errors.ts`). */
export const errorTexts = defineSection({
  ko: {
    'action.open': '열',
    'action.close': '마감할',
    'action.cancel': '취소할',
    'action.extend': '연장할',
    'action.summarise': '요약할',
    'action.remind': '독촉할',
    'ROUND.NOT_FOUND': '자문 회차 "{roundId}"을(를) 찾을 수 없습니다. `list`로 회차 목록을 확인하세요.',
    'ROUND.NOT_OPEN': '자문 회차 "{roundId}"은(는) 아직 열리지 않았습니다.',
    'ROUND.ALREADY_OPEN': '자문 회차 "{roundId}"은(는) 이미 열려 있습니다.',
    'ROUND.CLOSED':
      '자문 회차 "{roundId}"은(는) {closesAt}에 마감되었습니다. 의견을 추가로 보내시려면 사무국에 문의해 주세요.',
    'ROUND.CANCELLED': '자문 회차 "{roundId}"은(는) 취소되었습니다.',
    'ROUND.INVALID_TRANSITION': '자문 회차 "{roundId}"은(는) 현재 {status} 상태라 {action} 수 없습니다.',
    'ROUND.EXTEND_NOT_LATER': '새 마감 시각({until})은 현재 마감({closesAt})보다 늦고 지금보다 이후여야 합니다.',
    'ROUND.NOT_CLOSED': '자문 회차 "{roundId}"이(가) 아직 마감되지 않아 요약을 만들 수 없습니다.',
    'ROUND.AMBIGUOUS': '열려 있는 회차가 여러 개입니다: {roundIds}. 회차 ID를 지정해 주세요.',
    'ROUND.DEADLINE_PASSED':
      '"{roundId}" 회차는 마감 기한({closesAt})이 이미 지나 열 수 없습니다. 회차 파일의 window.closes를 앞으로의 일시로 고친 뒤 다시 열어 주시기 바랍니다.',
    'REMIND.NOT_REACHED':
      '자문 요청을 받은 위원이 아직 없어 독촉하지 않았습니다(제출 전 위원 {count}명 모두 요청 미전달). 자문 요청은 실행 중인 봇이 보냅니다. `status`로 전달 현황을 확인하시기 바랍니다.',
    'MEMBER.UNKNOWN': '위원 명단에서 회원님을 찾을 수 없습니다. 사무국에 문의해 주세요.',
    'MEMBER.NOT_IN_ROUND': '회원님은 자문 회차 "{roundId}"의 자문 대상이 아닙니다.',
    'MEMBER.REMOVED': '회원님은 자문 회차 "{roundId}"의 자문 대상에서 제외되었습니다. 사무국에 문의해 주세요.',
    'STAFF.FORBIDDEN': '이 명령은 위원회 사무국만 사용할 수 있습니다. 시도 기록이 남았습니다.',
    'ANSWER.TOO_LONG':
      '질문 {questionId}의 답변이 {length}자로, 최대 {limit}자를 넘습니다. 입력하신 내용은 임시 저장되었으니 {over}자를 줄여 다시 저장해 주세요.',
    'ANSWER.REQUIRED': '질문 {questionId}은(는) 필수 질문입니다. 답변을 입력해 주세요.',
    'ANSWER.MISSING':
      '아직 답하지 않은 필수 질문이 있어 제출할 수 없습니다: {questions}. 작성하신 답변은 임시 저장되어 있습니다.',
    'ANSWER.UNKNOWN_QUESTION': '질문 "{questionId}"은(는) 이 회차에 없습니다.',
    'ANSWER.INVALID_CHOICE': '질문 {questionId}의 선택지에 "{choice}"이(가) 없습니다. 가능한 선택지: {options}',
    'ANSWER.OUT_OF_RANGE': '질문 {questionId}의 값은 {min}에서 {max} 사이여야 합니다.',
    'ANSWER.TOO_LARGE':
      '질문 {questionId}의 답변이 {length}자로 너무 깁니다. {limit}자를 넘는 글은 저장하지 않았습니다. 나누어 보내시거나 사무국에 파일로 보내 주세요.',
    'ANSWER.NOT_TEXT': '질문 {questionId}에는 글로 답해 주세요.',
    'ANSWER.ONE_CHOICE_ONLY': '질문 {questionId}에는 하나만 선택할 수 있습니다.',
    'ANSWER.NOT_CHOICE': '질문 {questionId}에는 선택지에서 골라 답해 주세요: {options}',
    'ANSWER.NOT_A_NUMBER': '질문 {questionId}에는 {min}에서 {max} 사이의 정수로 답해 주세요.',
    'ANSWER.ALREADY_SUBMITTED': '이미 제출하셨습니다({submittedAt}). 마감 전까지는 "수정"으로 답변을 고칠 수 있습니다.',
    'ANSWER.ALREADY_DECLINED': '이 회차는 자문을 사양하신 상태입니다. 다시 참여하시려면 "답변하기"를 눌러 주세요.',
    'ANSWER.NO_QUESTION_ASKED': '어느 질문에 대한 답변인지 알 수 없습니다. "답변하기" 버튼으로 질문지를 열어 주세요.',
    'DECLINE.REASON_REQUIRED': '사양 사유를 한 줄 적어 주세요.',
    'COMMAND.UNKNOWN': '알 수 없는 명령 "{verb}"입니다. `help`로 사용법을 확인하세요.',
    'COMMAND.USAGE': '사용법: {usage}',
    'DATE.INVALID': '"{value}"은(는) 올바른 날짜·시각이 아닙니다. 예: 2024-02-20 18:00',
    'EXPORT.FORMAT': '내보내기 형식은 csv, md, json 중 하나입니다.',
    'CALENDAR.UNKNOWN_YEAR':
      '{years}년 공휴일 자료가 없어 차수를 열지 않았습니다. 위원회 설정의 extra_closed_days에 그해 공휴일을 적거나 jamun calendar import로 공식 자료를 넣은 뒤 다시 열어 주시기 바랍니다.',
  },
  en: {
    'action.open': 'open',
    'action.close': 'close',
    'action.cancel': 'cancel',
    'action.extend': 'extend',
    'action.summarise': 'summarise',
    'action.remind': 'send reminders for',
    'ROUND.NOT_FOUND': 'Round "{roundId}" was not found. Use `list` to see the rounds.',
    'ROUND.NOT_OPEN': 'Round "{roundId}" is not open yet.',
    'ROUND.ALREADY_OPEN': 'Round "{roundId}" is already open.',
    'ROUND.CLOSED': 'Round "{roundId}" closed at {closesAt}. Please contact the secretariat to send further advice.',
    'ROUND.CANCELLED': 'Round "{roundId}" was cancelled.',
    'ROUND.INVALID_TRANSITION': 'Round "{roundId}" is {status}, so you cannot {action} it.',
    'ROUND.EXTEND_NOT_LATER':
      'The new deadline ({until}) must be later than the current one ({closesAt}) and in the future.',
    'ROUND.NOT_CLOSED': 'Round "{roundId}" has not closed yet, so there is no summary.',
    'ROUND.AMBIGUOUS': 'Several rounds are open: {roundIds}. Please name one.',
    'ROUND.DEADLINE_PASSED':
      'Round "{roundId}" cannot be opened: its deadline ({closesAt}) has passed. Set window.closes in the round file to a future time, then open it again.',
    'REMIND.NOT_REACHED':
      'Nobody was reminded: none of the {count} members who have not submitted has received the invitation yet. Invitations are sent by the running bot; see `status` for deliveries.',
    'MEMBER.UNKNOWN': 'You are not on the committee list. Please contact the secretariat.',
    'MEMBER.NOT_IN_ROUND': 'You are not consulted in round "{roundId}".',
    'MEMBER.REMOVED': 'You were removed from round "{roundId}". Please contact the secretariat.',
    'STAFF.FORBIDDEN': 'Only the committee secretariat may use this command. The attempt was recorded.',
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
    'ANSWER.ALREADY_DECLINED': 'You declined this round. Press "Answer" to take part after all.',
    'ANSWER.NO_QUESTION_ASKED':
      'I cannot tell which question this answers. Please open the questionnaire with "Answer".',
    'DECLINE.REASON_REQUIRED': 'Please give a short reason for declining.',
    'COMMAND.UNKNOWN': 'Unknown command "{verb}". Use `help` to see the commands.',
    'COMMAND.USAGE': 'Usage: {usage}',
    'DATE.INVALID': '"{value}" is not a valid date and time. Example: 2024-02-20 18:00',
    'EXPORT.FORMAT': 'The export format is one of csv, md, json.',
    'CALENDAR.UNKNOWN_YEAR':
      "The round was not opened: there is no public-holiday data for {years}. List that year's holidays in the committee's extra_closed_days, or import the official list with jamun calendar import, then open it again.",
  },
});
