/** Texts about the public-holiday data behind business days (staff-facing). */
import { defineSection } from '../define-section.ts';

export const calendarTexts = defineSection({
  ko: {
    'calendar.computed':
      '{years}년 공휴일은 공식 자료가 아니라 규칙으로 계산하였습니다. jamun calendar import로 공식 자료를 넣어 주시기 바랍니다.',
    'calendar.unknown':
      '{years}년 공휴일 자료가 없어 주말만 쉬는 날로 계산합니다. 위원회 설정의 extra_closed_days에 그해 공휴일을 적어 주시기 바랍니다.',
  },
  en: {
    'calendar.computed':
      'Public holidays of {years} are computed from rules, not taken from an official list — update them with jamun calendar import.',
    'calendar.unknown':
      "There is no public-holiday data for {years}, so only weekends count as closed — list that year's holidays in the committee's extra_closed_days.",
  },
});
