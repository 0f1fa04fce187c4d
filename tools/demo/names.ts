import type { Prng } from "./prng";

/** Surnames, most common first (the first ones are drawn more often). */
const SURNAMES = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文",
];

const GIVEN_NAMES =
  "建国 志强 海燕 红梅 玉兰 桂英 国庆 晓东 文华 春生 秀兰 立新 卫东 丽华 明辉 金凤 爱民 新民 永刚 凤英 淑珍 德胜 学军 海涛 晓燕 文静 俊峰 志刚 丽娟 玉梅 红霞 春梅 雪梅 云飞 宏伟 亚楠 鹏飞 佳琪 浩然 思远 雅婷 保国 书芳 瑞霞 振宇 国栋 秋菊 素琴 文斌 长青 芳 敏 静 磊 勇 艳 杰 涛 超 娟 强 刚 辉 鹏 斌 霞 萍 燕 军 娜".split(
    " ",
  );

/**
 * Unique realistic names. `reserved` are never produced (names the demo places on purpose, such as
 * the namesakes 王伟 and the misspelling planted in the ledger).
 */
export class NameMaker {
  private readonly used: Set<string>;

  constructor(
    private readonly prng: Prng,
    reserved: readonly string[] = [],
  ) {
    this.used = new Set(reserved);
  }

  next(): string {
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      // Squaring skews the draw towards the common surnames at the head of the list.
      const surname = SURNAMES[Math.floor(this.prng.next() ** 2 * SURNAMES.length)] as string;
      const name = surname + this.prng.pick(GIVEN_NAMES);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error("ran out of demo names");
  }

  /** Marks a name as taken (a fixed name placed by hand). */
  take(name: string): string {
    this.used.add(name);
    return name;
  }
}

/** A mobile number as staff type it (kept as text so the leading digits survive). */
export function mobile(prng: Prng): string {
  return `1${prng.pick(["3", "5", "8", "9"])}${prng.digits(9)}`;
}
