/** Texts about rounds staff write in chat (staff-facing): problems of a pasted agenda. */
import { defineSection } from '../define-section.ts';

export const authoringTexts = defineSection({
  ko: {
    'DRAFT.UNKNOWN_COMMITTEE':
      '위원회 「{committeeId}」{committeeId|을/를} 찾을 수 없습니다. 위원회 설정의 id를 적어 주시기 바랍니다.',
    'DRAFT.ROUND_EXISTS':
      '회차 「{roundTitle}」{roundTitle|은/는} 이미 시작되어 초안으로 바꿀 수 없습니다. 다른 회차 id를 쓰시거나, 문구는 jamun config reload의 변경 규칙으로 고쳐 주시기 바랍니다.',
    'authoring.draft.created':
      '초안 「{title}」{title|을/를} 저장하였습니다: 안건 {items}건, 질문 {questions}개. 시작하려면 open {roundId}',
    'authoring.draft.replaced':
      '초안 「{title}」{title|을/를} 고쳐 저장하였습니다: 안건 {items}건, 질문 {questions}개. 시작하려면 open {roundId}',
    'authoring.draft.file-conflict':
      '회차 파일에도 같은 id({roundId})가 있습니다. 이제 저장된 초안이 쓰이며, 파일의 내용은 쓰이지 않습니다.',
    'authoring.agenda.line': '{line}번째 줄: {problem}',
    'authoring.agenda.empty': '안건이 없습니다. `# 안건 제목` 줄 아래에 질문을 한 줄에 하나씩 적어 주시기 바랍니다.',
    'authoring.agenda.question-before-item':
      '안건 제목보다 먼저 질문이 있습니다. 질문 위에 `# 안건 제목` 줄을 넣어 주시기 바랍니다.',
    'authoring.agenda.note-before-item': '`>` 설명 줄은 안건 제목이나 질문 아래에 적어 주시기 바랍니다.',
    'authoring.agenda.empty-title': '`#` 뒤에 안건 제목이 없습니다.',
    'authoring.agenda.no-questions':
      '안건 「{title}」에 질문이 없습니다. 제목 아래에 질문을 한 줄에 하나씩 적어 주시기 바랍니다.',
    'authoring.agenda.empty-prompt': '표시(괄호) 앞에 질문 내용이 없습니다.',
    'authoring.agenda.two-kinds':
      '한 질문에 응답 방식이 둘 이상 적혀 있습니다. (선택: …), (복수 선택: …), (단답), (척도: 1-5) 중 하나만 적어 주시기 바랍니다.',
    'authoring.agenda.too-few-options':
      '선택지가 {count}개입니다. 선택지는 둘 이상, `/`로 나누어 적어 주시기 바랍니다. 예: (선택: 찬성 / 반대)',
    'authoring.agenda.duplicate-option': '선택지 「{option}」{option|이/가} 두 번 적혀 있습니다.',
    'authoring.agenda.bad-scale': '척도의 시작({min})이 끝({max})보다 작아야 합니다. 예: (척도: 1-5)',
    'authoring.table.row': '{row}행: {problem}',
    'authoring.table.empty':
      '표에 질문이 없습니다. 첫 행은 제목(안건, 질문 …), 그 아래에 질문을 한 행에 하나씩 적어 주시기 바랍니다.',
    'authoring.table.missing-column': '「{column}」 열이 없습니다. 첫 행에 열 제목을 적어 주시기 바랍니다.',
    'authoring.table.unknown-column':
      '「{column}」{column|은/는} 알 수 없는 열입니다. 쓸 수 있는 열: 안건, 안건 설명, 질문, 응답 방식, 선택지, 필수, 척도, 도움말.',
    'authoring.table.no-item': '첫 질문 행에 안건이 없습니다. 안건 열을 채워 주시기 바랍니다.',
    'authoring.table.no-question': '질문 열이 비어 있습니다.',
    'authoring.table.unknown-type':
      '응답 방식 「{type}」{type|은/는} 쓸 수 없습니다. 서술형, 단답형, 단일 선택, 복수 선택, 척도 중 하나를 적어 주시기 바랍니다.',
    'authoring.table.unknown-required':
      '필수 열의 「{value}」{value|은/는} 알 수 없는 값입니다. 예 또는 아니오로 적어 주시기 바랍니다.',
    'authoring.table.options-missing':
      '선택형 질문에 선택지가 없습니다. 선택지 열에 `/`로 나누어 적어 주시기 바랍니다.',
    'authoring.table.options-not-allowed': '선택지는 단일 선택·복수 선택 질문에만 적을 수 있습니다.',
    'authoring.table.bad-scale': '척도 「{scale}」{scale|을/를} 읽을 수 없습니다. 예: 1-5',
  },
  en: {
    'DRAFT.UNKNOWN_COMMITTEE':
      'There is no committee "{committeeId}": give the id of a committee in the configuration.',
    'DRAFT.ROUND_EXISTS':
      'The round "{roundTitle}" has already been opened, so it cannot become a draft again: use another round id, or change its wording through jamun config reload and its change rules.',
    'authoring.draft.created':
      'Stored the draft "{title}": {items} agenda {items|item|items}, {questions} {questions|question|questions}. To open it: open {roundId}',
    'authoring.draft.replaced':
      'Replaced the draft "{title}": {items} agenda {items|item|items}, {questions} {questions|question|questions}. To open it: open {roundId}',
    'authoring.draft.file-conflict':
      'A round file defines the same id ({roundId}): the stored draft is used from now on, not the file.',
    'authoring.agenda.line': 'Line {line}: {problem}',
    'authoring.agenda.empty': 'There is no agenda: write `# Agenda title`, then one question per line under it.',
    'authoring.agenda.question-before-item':
      'This question comes before any agenda title: put a `# Agenda title` line above it.',
    'authoring.agenda.note-before-item': 'A `>` note belongs under an agenda title or a question.',
    'authoring.agenda.empty-title': 'The `#` line has no agenda title.',
    'authoring.agenda.no-questions': 'The agenda item "{title}" has no questions: write one per line under its title.',
    'authoring.agenda.empty-prompt': 'There is no question before the marker in parentheses.',
    'authoring.agenda.two-kinds':
      'This question has more than one answer type: write only one of (choice: …), (multiple: …), (short), (scale: 1-5).',
    'authoring.agenda.too-few-options':
      'It has {count} {count|option|options}: give at least two, separated by `/`, e.g. (choice: Yes / No).',
    'authoring.agenda.duplicate-option': 'The option "{option}" is written twice.',
    'authoring.agenda.bad-scale': 'The scale must start ({min}) below its end ({max}), e.g. (scale: 1-5).',
    'authoring.table.row': 'Row {row}: {problem}',
    'authoring.table.empty':
      'The table has no questions: the first row holds the headings (agenda, question …), then one question per row.',
    'authoring.table.missing-column': 'There is no "{column}" column: write the headings in the first row.',
    'authoring.table.unknown-column':
      '"{column}" is not a known column. Columns: agenda, description, question, type, options, required, scale, help.',
    'authoring.table.no-item': 'The first question row has no agenda item: fill in the agenda column.',
    'authoring.table.no-question': 'The question column is empty.',
    'authoring.table.unknown-type': 'The type "{type}" is unknown: write one of long, short, choice, multiple, scale.',
    'authoring.table.unknown-required': 'The required column says "{value}": write yes or no.',
    'authoring.table.options-missing': 'A choice question needs options, separated by `/` in the options column.',
    'authoring.table.options-not-allowed': 'Options belong only to choice and multiple-choice questions.',
    'authoring.table.bad-scale': 'The scale "{scale}" cannot be read: write it like 1-5.',
  },
});
