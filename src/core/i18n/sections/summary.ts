import { defineSection } from '../define-section.ts';

/** Texts of the compiled summary and its exports. */
export const summaryTexts = defineSection({
  ko: {
    'summary.title': '{roundTitle} 서면자문 결과',
  },
  en: {
    'summary.title': 'Written consultation results: {roundTitle}',
  },
});
