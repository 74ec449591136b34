/** Texts about rounds staff write in chat (staff-facing): problems of a pasted agenda. */
import { defineSection } from '../define-section.ts';

export const authoringTexts = defineSection({
  ko: {
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
  },
  en: {
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
  },
});
