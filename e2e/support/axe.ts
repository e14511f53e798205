import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One rule axe-core found broken, with where (CSS selectors of the first few elements). */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
}

/**
 * Waits for the page's finite animations to end: antd fades content in (an empty list's text, a card's body), and
 * axe measuring contrast halfway through a fade reports the text as lighter than it is (seen in CI on a busy
 * machine). Spinners and other endless animations are not waited for.
 */
async function settledAnimations(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .every((animation) => animation.playState !== 'running'),
    undefined,
    { timeout: 15_000 },
  );
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules and axe's best practices) on the page as it is now. The page's context
 * must allow the injected script (`bypassCSP: true`): the app's Content-Security-Policy refuses scripts it did
 * not ship, as it should.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await settledAnimations(page);
  await page.addScriptTag({ path: axeSource });
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as AxeResults;
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    // axe's summary names what it measured (for contrast: the colours, the ratio, the font size).
    targets: v.nodes
      .slice(0, 5)
      .map((node) => `${node.target.map(String).join(' ')} ${whatFailed(node.failureSummary)}`),
  }));
}

function whatFailed(summary: string | undefined): string {
  return summary
    ? `(${summary
        .replace(/^Fix (any|all) of the following:\s*/u, '')
        .replace(/\s+/gu, ' ')
        .trim()})`
    : '';
}

/** The violations a user would be stopped by: axe's `serious` and `critical` impacts. */
export const blocking = (violations: readonly Violation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** One line per violation, for an assertion message a developer can act on. */
export const describeViolations = (violations: readonly Violation[]) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
