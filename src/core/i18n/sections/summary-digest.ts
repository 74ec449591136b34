import { defineSection } from '../define-section.ts';

/** Texts of the chat digest of a summary: figures and short answers; the full text is in the attached files. */
export const summaryDigestTexts = defineSection({
  ko: {
    'summary.digest.notSubmitted': '미제출: {count}명',
    'summary.digest.uncertain': '전달 여부 미확인: {count}명',
    'summary.digest.more': '외 {count}명',
    'summary.digest.answers': '의견 {count}건',
    'summary.digest.moreAnswers': '나머지 의견 {count}건은 첨부 파일에서 확인하여 주시기 바랍니다.',
    'summary.digest.files': '위원님별 전체 의견은 첨부 파일(Markdown, CSV)에서 확인하여 주시기 바랍니다.',
  },
  en: {
    'summary.digest.notSubmitted': 'Not submitted: {count}',
    'summary.digest.uncertain': 'Delivery not confirmed: {count}',
    'summary.digest.more': 'and {count} more',
    'summary.digest.answers': '{count} {count|answer|answers}',
    'summary.digest.moreAnswers': 'The other {count} {count|answer is|answers are} in the attached files.',
    'summary.digest.files': "Every member's answers are in the attached files (Markdown, CSV).",
  },
});
