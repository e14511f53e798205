import type { SeededRandom } from '../../../platform/seed/random.ts';
import { organizationCodeCheckCharacter, usccCheckCharacter } from '../../../platform/validation/uscc.ts';

/**
 * 统一社会信用代码 for the demo registry (GB 32100-2015): 9 (市场监管) + 1 企业 or 2 个体工商户, the county's
 * 行政区划码, a 组织机构代码 of 8 characters with its GB 11714 check character, and the GB 32100 check character.
 * The 主体标识码 starts MA4 as the codes issued since 2015 in Hunan do. Codes older than that reuse an enterprise's
 * all-digit 组织机构代码; the demo draws none of them: 17 digits and a digit look exactly like an ID number, and
 * the personal-data scans (platform/pii) would rightly stop at them in a column they cannot tell apart.
 */

/** Characters both GB 32100 and GB 11714 allow in a body (GB 32100 leaves out I, O, Z, S, V). */
const bodyChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The letter after MA4 in the Hunan codes seen on licences. */
const hunanSeries = 'LMNPQRT';

export type Registrant = 'enterprise' | 'individual';

/** One credit code, drawn until it is not in `taken` (then added to it). */
export function drawCreditCode(registrant: Registrant, county: string, rng: SeededRandom, taken: Set<string>): string {
  for (;;) {
    let body = `MA4${rng.pick([...hunanSeries])}`;
    while (body.length < 8) body += bodyChars[rng.int(0, bodyChars.length - 1)];
    const organization = body + organizationCodeCheckCharacter(body);
    const head = `9${registrant === 'enterprise' ? '1' : '2'}${county}${organization}`;
    const code = head + usccCheckCharacter(head);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}
