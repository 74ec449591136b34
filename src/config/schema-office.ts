/**
 * Optional metadata for letters and the result report: the committee's
 * office and withholding rules, and a round's report fields.
 *
 * ```yaml
 * # committee file
 * office:
 *   organisation: 서울특별시
 *   bureau: 행정국
 *   department: 대외협력과
 *   approval_line: [주무관, 대외정책팀장, 대외협력과장]
 *   contacts:                          # the report's contact line, in order
 *     - { role: 대외협력과장, name: 홍길동, phone: 02-2133-0000 }
 *     - { role: 담당, name: 홍길순, title: 주무관, phone: 02-2133-0001, for_members: true }
 * withholding:                         # default: 기타소득 as below
 *   kind: other_income                 # other_income | none
 *   deemed_expense_rate: 0.6
 *   income_tax_rate: 0.2
 *   local_tax_rate: 0.1
 *   threshold: 50000
 *
 * # round file
 * report:
 *   document_number: 대외협력과-2227   # blank: filled in by hand
 *   disclosure: 부분공개(5,6)
 *   purpose: "…자문을 구하고자 …를 운영하고 결과를 보고드립니다"
 *   review_checklist: [바른 우리말을 사용하였습니까?]
 *   payment_month: 2024-02
 *   follow_up: ["자문의견 사업부서 공유(대외협력과→사업부서) : '24. 3월"]
 * ```
 */
import { z } from 'zod';
import type { CommitteeOffice, OfficeContact, RoundReportInfo, WithholdingRules } from '../core/model.ts';
import { DEFAULT_WITHHOLDING } from '../core/report/withholding.ts';
import { textSchema } from './schema-primitives.ts';

const PHONE = /^[0-9+][0-9 ()-]{2,19}$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const contactSchema = z
  .strictObject({
    role: textSchema,
    name: textSchema,
    title: textSchema.optional(),
    phone: z.string().trim().regex(PHONE, { error: 'must be a phone number such as 02-2133-6655' }).optional(),
    for_members: z.boolean().default(false),
  })
  .transform((c): OfficeContact => {
    const contact: OfficeContact = { role: c.role, name: c.name, forMembers: c.for_members };
    if (c.title !== undefined) contact.title = c.title;
    if (c.phone !== undefined) contact.phone = c.phone;
    return contact;
  });

/** `office:` of a committee file. */
export const officeSchema = z
  .strictObject({
    organisation: textSchema.optional(),
    bureau: textSchema.optional(),
    department: textSchema.optional(),
    contacts: z.array(contactSchema).default([]),
    approval_line: z.array(textSchema).max(6).default([]),
  })
  .refine((o) => o.contacts.filter((c) => c.forMembers).length <= 1, {
    error: 'at most one contact may be for_members',
  })
  .transform((o): CommitteeOffice => {
    const office: CommitteeOffice = { contacts: o.contacts, approvalLine: o.approval_line };
    if (o.organisation !== undefined) office.organisation = o.organisation;
    if (o.bureau !== undefined) office.bureau = o.bureau;
    if (o.department !== undefined) office.department = o.department;
    return office;
  });

const rate = z.number().min(0).max(1);

/** `withholding:` of a committee file. */
export const withholdingSchema = z
  .strictObject({
    kind: z.enum(['other_income', 'none']).default('other_income'),
    deemed_expense_rate: rate.default(DEFAULT_WITHHOLDING.deemedExpenseRate),
    income_tax_rate: rate.default(DEFAULT_WITHHOLDING.incomeTaxRate),
    local_tax_rate: rate.default(DEFAULT_WITHHOLDING.localTaxRate),
    threshold: z.number().nonnegative().finite().default(DEFAULT_WITHHOLDING.threshold),
  })
  .transform(
    (w): WithholdingRules => ({
      kind: w.kind,
      deemedExpenseRate: w.deemed_expense_rate,
      incomeTaxRate: w.income_tax_rate,
      localTaxRate: w.local_tax_rate,
      threshold: w.threshold,
    }),
  );

/** `report:` of a round file. */
export const roundReportSchema = z
  .strictObject({
    document_number: z.string().trim().optional(),
    disclosure: z.string().trim().optional(),
    purpose: textSchema.optional(),
    review_checklist: z.array(textSchema).default([]),
    payment_month: z.string().regex(YEAR_MONTH, { error: 'must be a month YYYY-MM (e.g. 2024-02)' }).optional(),
    follow_up: z.array(textSchema).default([]),
  })
  .transform((r): RoundReportInfo => {
    const info: RoundReportInfo = { reviewChecklist: r.review_checklist, followUp: r.follow_up };
    if (r.document_number) info.documentNumber = r.document_number;
    if (r.disclosure) info.disclosure = r.disclosure;
    if (r.purpose !== undefined) info.purpose = r.purpose;
    if (r.payment_month !== undefined) info.paymentMonth = r.payment_month;
    return info;
  });
