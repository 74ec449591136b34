/**
 * Whole documents of a round with every case a summary shows (see
 * rich-input.ts), line by line: what staff read in the Markdown file and
 * in the chat digest.
 */
import { describe, expect, it } from 'vitest';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { renderSummaryChat } from '../../../src/core/summary/render-chat.ts';
import { renderSummaryCsv } from '../../../src/core/summary/render-csv.ts';
import { renderSummaryJson } from '../../../src/core/summary/render-json.ts';
import { renderSummaryMarkdown } from '../../../src/core/summary/render-markdown.ts';
import { chatFormatter } from './builders.ts';
import { richInput } from './rich-input.ts';

describe('GIVEN a round closed early with roles, late, declined, refused, uncertain and silent members, and every kind of question', () => {
  const summary = compileSummary(richInput('ko'));

  it('THEN the Markdown document says each of them, escaped', () => {
    expect(renderSummaryMarkdown(summary, { audience: 'staff' }).split('\n')).toEqual([
      '# 「2024년 제1차 서면자문」 결과',
      '',
      '위원회: 지역상생발전위원회',
      '',
      '## 개요',
      '',
      '- 일시: 2024. 2. 8.(목) 09:00 \\~ 2. 14.(수) 12:00, 근무일 기준 5일간 (당초 마감 기한 2024. 2. 15.(목) 18:00보다 앞당겨 마감)',
      '- 2024년 공휴일은 규칙으로 계산하였습니다.',
      '- 방법: 서면자문',
      '- 대상: (위원장) 강도영 / (위원) 김\\*정환, 박종범 / 박주영, 오영은, 채정훈',
      '- 제출: 위원 6명 중 2명 의견 제출',
      '- 불참: 1명 — 박종범(사유: 해외 출장)',
      '- 기한 후 제출: 1명',
      '- 전달 실패: 2명 — 박주영(DM 수신 차단 또는 서버 탈퇴), 오영은(발송 중 중단되어 도착 여부 불확실(위원께 확인 필요))',
      '',
      '## 자문 의견',
      '',
      '### 안건 1. 사업 \\| 평가',
      '',
      '#### 자문내용 1.1. 성과에 대한 의견',
      '',
      '- **강도영(기한 후 제출)**: \\# 첫 줄',
      '  \\- 둘째 줄',
      '',
      '  셋째 \\*\\*줄\\*\\*',
      '- **김\\*정환**: 좋습니다',
      '',
      '#### 자문내용 1.2. 추진 여부',
      '',
      '- **강도영(기한 후 제출)**: 찬성',
      '- **김\\*정환**: 찬성',
      '',
      '| 선택지 | 응답 수 |',
      '| --- | ---: |',
      '| 찬성 | 2 |',
      '| 반대 | 0 |',
      '',
      '응답자: 2명',
      '',
      '### 안건 2. 만족도',
      '',
      '#### 자문내용 2.1. 만족도',
      '',
      '- **강도영(기한 후 제출)**: 3',
      '- **김\\*정환**: 2',
      '',
      '| 점수 | 응답 수 |',
      '| --- | ---: |',
      '| 1 | 0 |',
      '| 2 | 1 |',
      '| 3 | 1 |',
      '',
      '응답자: 2명',
      '',
      '평균: 2.5',
      '',
      '#### 자문내용 2.2. 추가 의견',
      '',
      '(제출된 의견 없음)',
      '',
      '## 미제출',
      '',
      '- 박주영',
      '- 오영은',
      '- 채정훈',
      '',
      '## 심사수당',
      '',
      '- 지급 대상: 강도영, 김\\*정환',
      '- 2명 × 50,000원 = 100,000원',
      '',
      '---',
      '',
      '작성일시: 2024. 2. 14.(수) 13:30',
      '',
    ]);
  });

  it('THEN the chat digest counts them, lists refused and uncertain sends apart, and quotes the short answers', () => {
    const chat = renderSummaryChat(summary, chatFormatter);
    expect(chat.header.split('\n')).toEqual([
      '**「2024년 제1차 서면자문」 결과**',
      '위원회: 지역상생발전위원회',
      '일시: 2024. 2. 8.(목) 09:00 ~ 2. 14.(수) 12:00, 근무일 기준 5일간 (당초 마감 기한 2024. 2. 15.(목) 18:00보다 앞당겨 마감)',
      '2024년 공휴일은 규칙으로 계산하였습니다.',
      '방법: 서면자문',
      '제출: 위원 6명 중 2명 의견 제출',
      '미제출: 3명 — 박주영, 오영은, 채정훈',
      '불참: 1명 — 박종범(사유: 해외 출장)',
      '기한 후 제출: 1명',
      '전달 실패: 1명 — 박주영(DM 수신 차단 또는 서버 탈퇴)',
      '전달 여부 미확인: 1명 — 오영은',
      '심사수당: 2명 × 50,000원 = 100,000원',
      '',
      '위원님별 전체 의견은 첨부 파일(Markdown, CSV)에서 확인하여 주시기 바랍니다.',
    ]);
    expect(chat.sections.map((section) => section.split('\n'))).toEqual([
      [
        '**안건 1. 사업 | 평가**',
        '',
        '**자문내용 1.1. 성과에 대한 의견**',
        '의견 2건',
        '**강도영(기한 후 제출)**',
        '> # 첫 줄',
        '> - 둘째 줄',
        '> ',
        '> 셋째 \\*\\*줄\\*\\*',
        '**김\\*정환**',
        '> 좋습니다',
        '',
        '**자문내용 1.2. 추진 여부**',
        '의견 2건',
        '찬성: 2명 · 반대: 0명',
        '',
        '**안건 2. 만족도**',
        '',
        '**자문내용 2.1. 만족도**',
        '의견 2건',
        '1: 0명 · 2: 1명 · 3: 1명',
        '평균: 2.5',
        '',
        '**자문내용 2.2. 추가 의견**',
        '(제출된 의견 없음)',
      ],
    ]);
  });

  it('THEN the JSON has every field in its fixed order', () => {
    const expected = {
      roundId: 'r-2024-1',
      roundTitle: '2024년 제1차 서면자문',
      committeeName: '지역상생발전위원회',
      locale: 'ko',
      anonymous: false,
      timeZone: 'Asia/Seoul',
      opensAtLocal: '2024-02-08 09:00',
      closesAtLocal: '2024-02-14 12:00',
      closedEarly: true,
      deadlineLocal: '2024-02-15 18:00',
      businessDays: 5,
      generatedAt: '2024-02-14T04:30:00.000Z',
      participation: {
        invited: 6,
        submitted: 2,
        declined: 1,
        late: 1,
        notSubmitted: ['박주영', '오영은', '채정훈'],
        declinedBy: [
          {
            name: '박종범',
            reason: '해외 출장',
          },
        ],
        unreachable: [
          {
            name: '박주영',
            reason: 'dm_closed',
          },
          {
            name: '오영은',
            reason: 'uncertain',
          },
        ],
      },
      honorarium: {
        rate: 50000,
        currency: 'KRW',
        count: 2,
        total: 100000,
        recipients: ['강도영', '김*정환'],
      },
      items: [
        {
          id: '1',
          title: '사업 | 평가',
          questions: [
            {
              id: '1.1',
              prompt: '성과에 대한 의견',
              kind: 'long_text',
              answers: [
                {
                  author: '강도영',
                  late: true,
                  text: '# 첫 줄\n- 둘째 줄\n\n셋째 **줄**',
                },
                {
                  author: '김*정환',
                  late: false,
                  text: '좋습니다',
                },
              ],
            },
            {
              id: '1.2',
              prompt: '추진 여부',
              kind: 'single_choice',
              answers: [
                {
                  author: '강도영',
                  late: true,
                  text: '찬성',
                },
                {
                  author: '김*정환',
                  late: false,
                  text: '찬성',
                },
              ],
              tally: {
                counts: [
                  {
                    label: '찬성',
                    count: 2,
                  },
                  {
                    label: '반대',
                    count: 0,
                  },
                ],
                responses: 2,
              },
            },
          ],
        },
        {
          id: '2',
          title: '만족도',
          questions: [
            {
              id: '2.1',
              prompt: '만족도',
              kind: 'scale',
              answers: [
                {
                  author: '강도영',
                  late: true,
                  text: '3',
                },
                {
                  author: '김*정환',
                  late: false,
                  text: '2',
                },
              ],
              tally: {
                counts: [
                  {
                    label: '1',
                    count: 0,
                  },
                  {
                    label: '2',
                    count: 1,
                  },
                  {
                    label: '3',
                    count: 1,
                  },
                ],
                mean: 2.5,
                responses: 2,
              },
            },
            {
              id: '2.2',
              prompt: '추가 의견',
              kind: 'long_text',
              answers: [],
            },
          ],
        },
      ],
    };
    expect(renderSummaryJson(summary)).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('THEN the CSV has a row per answer, the late ones marked and the multi-line answer quoted', () => {
    const bytes = renderSummaryCsv(summary);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
      '서면자문,안건,자문내용 번호,자문내용,위원,기한 후 제출,자문 의견',
      '2024년 제1차 서면자문,사업 | 평가,1.1,성과에 대한 의견,강도영,예,"# 첫 줄\n- 둘째 줄\n\n셋째 **줄**"',
      '2024년 제1차 서면자문,사업 | 평가,1.1,성과에 대한 의견,김*정환,아니오,좋습니다',
      '2024년 제1차 서면자문,사업 | 평가,1.2,추진 여부,강도영,예,찬성',
      '2024년 제1차 서면자문,사업 | 평가,1.2,추진 여부,김*정환,아니오,찬성',
      '2024년 제1차 서면자문,만족도,2.1,만족도,강도영,예,3',
      '2024년 제1차 서면자문,만족도,2.1,만족도,김*정환,아니오,2',
      '',
    ]);
  });
});
