import type { MakerCheckerPair } from '../../platform/access/separation.ts';
import type { MessageCatalogue } from '../../platform/module.ts';
import { casePermissions as P } from './case-flow.ts';

/**
 * Maker ≠ checker in the loop (docs/cases.md): the 核查 is not done by whoever handed back the result, and a
 * 延期/挂起 request is not decided by whoever asked. The case actions refuse the maker (verify-case.ts,
 * case-requests.ts); these pairs let the role administration warn when one account gets both sides.
 */
export const casesSeparation: readonly MakerCheckerPair[] = [
  {
    step: 'cases.verify',
    maker: P.handle,
    checker: P.verify,
    makerLabel: 'cases.separation.feedback',
    checkerLabel: 'cases.separation.verify',
  },
  {
    step: 'cases.decide_request',
    maker: P.handle,
    checker: P.dispatch,
    makerLabel: 'cases.separation.request',
    checkerLabel: 'cases.separation.decide',
  },
];

/** The pairs' labels, as verb phrases. */
export const casesSeparationMessages: MessageCatalogue = {
  zh: {
    'cases.separation.feedback': '处理反馈',
    'cases.separation.verify': '核查结案',
    'cases.separation.request': '申请延期或挂起',
    'cases.separation.decide': '审批延期或挂起',
  },
  en: {
    'cases.separation.feedback': 'hand back handling results',
    'cases.separation.verify': 'check and close cases',
    'cases.separation.request': 'ask for extensions or suspensions',
    'cases.separation.decide': 'decide extensions and suspensions',
  },
};
