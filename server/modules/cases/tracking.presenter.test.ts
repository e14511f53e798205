import { describe, expect, it } from 'vitest';
import { presentTracking, type TrackingFacts } from './tracking.presenter.ts';

const at = (iso: string) => new Date(iso);

function facts(changes: Partial<TrackingFacts['own']> = {}): TrackingFacts {
  const own: TrackingFacts['own'] = {
    id: 7,
    caseNo: '2026-00000007',
    status: 'closed',
    address: '炎帝大道 88 号门前',
    reportedAt: at('2026-11-02T01:00:00Z'),
    handledAt: at('2026-11-03T06:00:00Z'),
    closedAt: at('2026-11-04T02:00:00Z'),
    handleDueAt: at('2026-11-05T10:00:00Z'),
    closingNote: '已劝离摊主，联系人张师傅 13907331234，身份证 430225199001011234',
    satisfaction: 4,
    satisfactionComment: '处理得很快',
    smsConsent: false,
    ...changes,
  };
  return {
    own,
    followed: own,
    steps: [
      { at: at('2026-11-02T01:00:00Z'), action: 'report', toStatus: 'reported', note: null },
      { at: at('2026-11-03T06:00:00Z'), action: 'feedback', toStatus: 'handled', note: own.closingNote },
      { at: at('2026-11-04T02:00:00Z'), action: 'verify_pass', toStatus: 'closed', note: '核查人李四确认' },
    ],
    resultPhotos: ['5b8e2c9e-0000-4000-8000-000000000001'],
    categoryName: '占道摆摊经营',
  };
}

describe('presentTracking', () => {
  it('shows the 处置结果 with personal numbers masked, and when it was handled and verified', () => {
    const dto = presentTracking(facts());
    expect(dto.result).toEqual({
      text: '已劝离摊主，联系人张师傅 139****1234，身份证 430225********1234',
      handledAt: '2026-11-03T06:00:00.000Z',
      verifiedAt: '2026-11-04T02:00:00.000Z',
    });
  });

  it('gives the reporter back their own rating comment', () => {
    expect(presentTracking(facts())).toMatchObject({ satisfaction: 4, satisfactionComment: '处理得很快' });
    expect(presentTracking(facts({ satisfaction: null, satisfactionComment: null }))).toMatchObject({
      satisfaction: null,
      satisfactionComment: null,
      canRate: true,
    });
  });

  it('carries no staff note but the result, nor any personal number anywhere', () => {
    const dto = presentTracking(facts());
    expect(dto.steps.map((s) => s.note)).toEqual([null, null, null]);
    const text = JSON.stringify(dto);
    expect(text).not.toContain('13907331234');
    expect(text).not.toContain('430225199001011234');
    expect(text).not.toContain('李四');
    for (const field of ['handlerUserId', 'handler', 'inspector', 'reporterPhone', 'department'])
      expect(Object.keys(dto)).not.toContain(field);
  });

  it('shows the result while it waits for 核查, without a verification', () => {
    const dto = presentTracking(facts({ status: 'handled', closedAt: null, satisfaction: null }));
    expect(dto.result).toMatchObject({ handledAt: '2026-11-03T06:00:00.000Z', verifiedAt: null });
  });

  it('shows no result before the feedback, after a 返工, or for a rejected report', () => {
    expect(presentTracking(facts({ status: 'handling', handledAt: null, closingNote: null })).result).toBeNull();
    // 返工: back at the department, the refused result still in closing_note but handled_at cleared
    expect(presentTracking(facts({ status: 'dispatched', handledAt: null, closedAt: null })).result).toBeNull();
    const rejected = facts({ status: 'rejected', handledAt: null, closingNote: '不属于市容问题 13907331234' });
    expect(presentTracking(rejected).result).toBeNull();
  });

  it('masks personal numbers in the reason of a rejection shown on its step', () => {
    const rejected = facts({ status: 'rejected' });
    rejected.steps = [
      { at: at('2026-11-02T02:00:00Z'), action: 'reject', toStatus: 'rejected', note: '请拨 13907331234' },
    ];
    expect(presentTracking(rejected).steps[0]?.note).toBe('请拨 139****1234');
  });

  it('follows the case a merged report joined, keeping the reporter’s own number and rating', () => {
    const own = facts({ status: 'duplicate', satisfaction: null, satisfactionComment: null }).own;
    const followed = { ...facts().own, id: 9, caseNo: '2026-00000009' };
    const dto = presentTracking({ ...facts(), own, followed });
    expect(dto).toMatchObject({
      caseNo: '2026-00000007',
      followsCaseNo: '2026-00000009',
      status: 'closed',
      canRate: true,
      satisfactionComment: null,
    });
    expect(dto.result?.text).toContain('已劝离摊主');
  });
});
