/** Texts of the chat authoring API (issue 12; staff-facing): forms, imports, previews, the open confirmation, drafts. */
import { defineSection } from '../define-section.ts';

export const authoringChatTexts = defineSection({
  ko: {
    'DRAFT.NOT_FOUND':
      '저장된 초안 「{roundId}」{roundId|을/를} 찾을 수 없습니다. 초안 목록을 확인하여 주시기 바랍니다.',
    'authoring.problems.heading':
      '초안을 저장하지 않았습니다. 아래 {count}건을 고쳐 다시 보내 주시기 바랍니다. 아무것도 저장되지 않았습니다.',
    'authoring.rule': '{field}: {message}',
    'authoring.field.id': '회차 id',
    'authoring.field.committee': '위원회',
    'authoring.field.title': '제목',
    'authoring.field.description': '설명',
    'authoring.field.opens': '시작 일시',
    'authoring.field.closes': '마감 일시',
    'authoring.field.reminders': '재안내',
    'authoring.field.agenda': '안건',
    'authoring.field.file': '파일',
    'authoring.form.title-empty': '제목을 적어 주시기 바랍니다.',
    'authoring.form.bad-datetime':
      '「{value}」{value|은/는} 일시로 읽을 수 없습니다. `2024-02-15 18:00`처럼 적어 주시기 바랍니다.',
    'authoring.form.window-order': '마감 일시({closes})는 시작 일시({opens})보다 늦어야 합니다.',
    'authoring.form.bad-id':
      '회차 id는 글자나 숫자로 시작하고 글자, 숫자, `.`, `_`, `-`만 쓸 수 있습니다(64자 이내, 띄어쓰기 없이).',
    'authoring.import.unsupported':
      '「{name}」{name|은/는} 읽을 수 없는 종류의 파일입니다. 회차 파일(.yaml)이나 질문지 표(.xlsx, .csv)를 올려 주시기 바랍니다.',
    'authoring.import.unreadable':
      '파일을 읽을 수 없습니다. 질문지 양식(template)으로 다시 저장하여 올려 주시기 바랍니다.',
    'authoring.import.too-large': '파일이 너무 큽니다({size}). {limit} 이하로 올려 주시기 바랍니다.',
    'authoring.import.material-file':
      '채팅으로 올린 회차 파일에는 서버의 파일({name})을 자료로 붙일 수 없습니다. 자료는 link(https 주소)로 적어 주시기 바랍니다.',
    'authoring.import.needs-form':
      '질문지에서 안건 {items}건, 질문 {questions}개를 읽었습니다. 양식에 제목과 기간을 채워 저장하여 주시기 바랍니다.',
    'authoring.edit.note.reminders':
      '이 초안의 재안내 설정은 양식의 선택지에 없는 설정입니다. 「그대로」를 고르시면 그 설정이 유지됩니다.',
    'authoring.edit.note.flattened':
      '질문의 줄바꿈, 척도 양 끝의 설명, 답변 글자 수 제한은 양식에 나타나지 않으며, 저장하시면 기본값으로 바뀝니다.',
    'authoring.edit.note.kept': '자료와 결과 보고 설정은 양식에 나타나지 않으며, 저장하셔도 그대로 유지됩니다.',
    'authoring.preview.notice':
      '[미리보기] 회차 「{title}」{title|이/가} 시작되면 위원님들께 아래 안내가 그대로 발송됩니다. 미리보기에서 작성하신 답변은 저장되지 않습니다.',
    'authoring.preview.sent': '회차 「{title}」의 미리보기를 DM으로 보내 드렸습니다.',
    'authoring.preview.failed':
      '미리보기를 DM으로 보내지 못하였습니다({reason}). DM을 열어 두신 뒤 다시 하여 주시기 바랍니다.',
    'authoring.preview.not-stored': '[미리보기] 답변을 확인하였습니다. 미리보기이므로 저장하지 않았습니다.',
    'authoring.open.confirm':
      '회차 「{title}」{title|을/를} 시작하려고 합니다.\n· 대상: 위원 {members}명\n· 기간: {opens} ~ {closes} (근무일 {days}일)\n· 재안내: {reminders}\n시작하시려면 「시작」을 눌러 주시기 바랍니다.',
    'authoring.open.no-reminders': '없음',
    'authoring.drafts.none': '저장된 초안이 없습니다.',
    'authoring.drafts.heading': '저장된 초안 {count}건',
    'authoring.drafts.line': '· {roundId} 「{title}」 — {at} 저장({by})',
    'authoring.draft.deleted': '초안 「{title}」{title|을/를} 삭제하였습니다.',
  },
  en: {
    'DRAFT.NOT_FOUND': 'There is no stored draft "{roundId}": see the list of drafts.',
    'authoring.problems.heading':
      'The draft was not saved: please fix the {count} {count|problem|problems} below and send it again. Nothing was stored.',
    'authoring.rule': '{field}: {message}',
    'authoring.field.id': 'Round id',
    'authoring.field.committee': 'Committee',
    'authoring.field.title': 'Title',
    'authoring.field.description': 'Description',
    'authoring.field.opens': 'Opens',
    'authoring.field.closes': 'Closes',
    'authoring.field.reminders': 'Reminders',
    'authoring.field.agenda': 'Agenda',
    'authoring.field.file': 'File',
    'authoring.form.title-empty': 'Please give a title.',
    'authoring.form.bad-datetime': '"{value}" is not a date and time: write it like 2024-02-15 18:00.',
    'authoring.form.window-order': 'The deadline ({closes}) must come after the opening ({opens}).',
    'authoring.form.bad-id':
      'A round id starts with a letter or digit and holds only letters, digits, ".", "_" and "-" (at most 64, no spaces).',
    'authoring.import.unsupported':
      '"{name}" is not a file jamun reads: upload a round file (.yaml) or a questionnaire table (.xlsx, .csv).',
    'authoring.import.unreadable': 'The file cannot be read: save it again from the questionnaire template.',
    'authoring.import.too-large': 'The file is too large ({size}): upload at most {limit}.',
    'authoring.import.material-file':
      'A round file uploaded in chat cannot attach a file of the server ({name}) as material: give it as a link (https).',
    'authoring.import.needs-form':
      'Read {items} agenda {items|item|items} and {questions} {questions|question|questions} from the table: fill in the title and window in the form and save.',
    'authoring.edit.note.reminders':
      'This draft\'s reminders are not one of the form\'s choices: pick "keep" to keep them.',
    'authoring.edit.note.flattened':
      'Line breaks inside a question, scale end labels and answer length limits do not show in the form: saving it resets them to the defaults.',
    'authoring.edit.note.kept': 'Materials and report settings do not show in the form: they are kept when you save.',
    'authoring.preview.notice':
      '[Preview] When "{title}" opens, members receive exactly the message below. Answers you write in this preview are not stored.',
    'authoring.preview.sent': 'Sent you the preview of "{title}" by DM.',
    'authoring.preview.failed': 'The preview could not be sent by DM ({reason}): open your DMs and try again.',
    'authoring.preview.not-stored': '[Preview] Your answers were checked and, this being a preview, not stored.',
    'authoring.open.confirm':
      'About to open "{title}".\n· Members: {members}\n· Window: {opens} to {closes} ({days} business {days|day|days})\n· Reminders: {reminders}\nPress Open to start it.',
    'authoring.open.no-reminders': 'none',
    'authoring.drafts.none': 'There are no stored drafts.',
    'authoring.drafts.heading': '{count} stored {count|draft|drafts}',
    'authoring.drafts.line': '· {roundId} "{title}" — saved {at} ({by})',
    'authoring.draft.deleted': 'Deleted the draft "{title}".',
  },
});
