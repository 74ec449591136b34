import { defineSection } from '../define-section.ts';

/** Texts staff see: command replies, progress, help. */
export const staffTexts = defineSection({
  ko: {
    'staff.progress': '"{roundTitle}" 자문 요청 발송 중: {delivered}/{total} 전달',
    'staff.progressDone': '"{roundTitle}" 자문 요청 발송 완료: {delivered}/{total} 전달',
    'staff.progressFailures': '전달하지 못한 위원:',
  },
  en: {
    'staff.progress': 'Sending "{roundTitle}": {delivered}/{total} delivered',
    'staff.progressDone': 'Sent "{roundTitle}": {delivered}/{total} delivered',
    'staff.progressFailures': 'Could not reach:',
  },
});
