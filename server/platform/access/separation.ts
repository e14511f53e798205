import { recordAuditOutside } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import type { MessageCatalogue } from '../i18n/locale.ts';

/** Its messages, listed by the platform manifest that installs them (no registration on import). */
export const separationMessages: MessageCatalogue = {
  zh: {
    'access.maker_checker': '不能审核、核查或批准本人经办的事项，请由其他人员办理',
    'access.maker_checker_grant':
      '该账号将既能“{maker}”又能“{checker}”（{roles}）。系统仍会拒绝其审核本人经办的事项；人员允许时，宜分设给不同的人。',
  },
  en: {
    'access.maker_checker': 'You cannot review, verify or approve work you did yourself; another person must',
    'access.maker_checker_grant':
      'This account will be able both to {maker} and to {checker} ({roles}). It will still be refused when checking its own work; where staff allow, give these to different people.',
  },
};

/**
 * A step where maker ≠ checker applies, in permissions: whoever holds `maker` does work that holders of
 * `checker` check (处理反馈 → 核查). Modules declare theirs beside their manifest; the role administration
 * reads them to warn when one person is given both sides.
 */
export interface MakerCheckerPair {
  /** Stable key of the checked step: 'cases.verify'. */
  step: string;
  maker: string;
  checker: string;
  /** Message keys naming each side for people, as verb phrases ('处理反馈' / 'hand back handling results'). */
  makerLabel: string;
  checkerLabel: string;
}

const pairs = new Map<string, MakerCheckerPair>();

export function registerMakerCheckerPairs(list: readonly MakerCheckerPair[]): void {
  for (const pair of list) {
    const known = pairs.get(pair.step);
    if (known && JSON.stringify(known) !== JSON.stringify(pair))
      throw new Error(`maker ≠ checker step "${pair.step}" is already declared otherwise`);
    pairs.set(pair.step, pair);
  }
}

/** The declared steps whose maker and checker permissions are both among `permissions`. */
export function makerCheckerConflicts(permissions: ReadonlySet<string>): MakerCheckerPair[] {
  return [...pairs.values()].filter((pair) => permissions.has(pair.maker) && permissions.has(pair.checker));
}

/**
 * Maker ≠ checker (ASVS 4.3.3, AC-07): the person who did a piece of work may not also approve it — closing a
 * case they handled, approving an agreement they drafted, publishing ratings they scored, reviewing a settlement
 * they entered. A refusal is audited like any other denial.
 */
export async function assertNotMaker(
  ctx: Ctx,
  makerIds: ReadonlyArray<string | null | undefined>,
  object: { objectType: string; objectId: string; action: string },
): Promise<void> {
  const checker = ctx.actor?.id;
  if (!checker) throw AppError.unauthenticated();
  if (!makerIds.includes(checker)) return;
  await recordAuditOutside(ctx, {
    eventType: 'access.denied',
    action: object.action,
    outcome: 'failure',
    objectType: object.objectType,
    objectId: object.objectId,
    reasonCode: 'maker_checker',
  });
  throw new AppError(403, 'maker_checker', 'access.maker_checker');
}
