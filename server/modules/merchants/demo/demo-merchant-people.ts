import type { SeededRandom } from '../../../platform/seed/random.ts';

/**
 * The demo operators: made-up names and numbers, sealed like any operator's before they are stored. Surnames
 * are weighted towards those common in Yanling and the Hunan–Jiangxi border (张, 罗, 刘, 谭, 段, 陈 …).
 */

const surnames = '张张张罗罗罗刘刘刘李李陈陈黄黄谭谭段段周邓邓朱曾王何赖彭唐钟廖肖胡戴尹郭吴许杨赵龙颜吕邱姚蒋洪'.split(
  '',
);
const givenChars = '德明建国华平春秋桂兰英芳红梅志强军伟勇文斌海涛丽娟霞燕玲秀凤云金银福生贵林松清水长新和'.split('');

/** 移动, 联通 and 电信 number blocks (MIIT numbering plan: 11 digits, 13–19). */
const mobileBlocks = (
  '134 135 136 137 138 139 147 150 151 152 157 158 159 178 182 183 187 188 198 ' +
  '130 131 132 155 156 166 175 176 185 186 133 153 173 177 180 181 189 191 199'
).split(' ');

export interface DemoOperator {
  surname: string;
  name: string;
  /** Normalised as the register stores it: 11-digit mobile, or 0731-xxxxxxxx. */
  phone: string | null;
}

/** An operator with a phone not in `taken`: a mobile for most, the shop's landline for a few, none for 1 %. */
export function drawOperator(rng: SeededRandom, taken: Set<string>): DemoOperator {
  const surname = rng.pick(surnames);
  const given = rng.chance(0.75) ? rng.pick(givenChars) + rng.pick(givenChars) : rng.pick(givenChars);
  return { surname, name: surname + given, phone: rng.chance(0.01) ? null : drawPhone(rng, taken) };
}

function drawPhone(rng: SeededRandom, taken: Set<string>): string {
  for (;;) {
    // Yanling's fixed lines are in the 0731 area (长株潭 share it), 8-digit numbers.
    const phone = rng.chance(0.03) ? `0731-26${digits(rng, 6)}` : `${rng.pick(mobileBlocks)}${digits(rng, 8)}`;
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

function digits(rng: SeededRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}
