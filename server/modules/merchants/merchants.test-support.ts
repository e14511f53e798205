import { organizationCodeCheckCharacter, usccCheckCharacter } from '../../platform/validation/uscc.ts';

/**
 * A valid 统一社会信用代码 of Yanling county for test number `n`: 92 (工商, 个体工商户) or 91 (企业), region 430225,
 * an 组织机构代码 body from `n` with its GB 11714 check character, then the GB 32100 check character.
 */
export function testUscc(n: number, type: '91' | '92' = '92'): string {
  const body = String(n).padStart(8, '0');
  const organization = `${body}${organizationCodeCheckCharacter(body)}`;
  const first17 = `${type}430225${organization}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

/** A merchant as the registration form sends it, with a valid credit code; `over` replaces any field. */
export function merchantBody(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `测试便利店${n}`,
    creditCode: testUscc(n),
    kind: 'other',
    address: `霞阳镇炎帝大道 ${n} 号`,
    regionCode: '430225100',
    operatorName: '王小明',
    operatorPhone: '13800138000',
    frontageM: 6.5,
    ...over,
  };
}
