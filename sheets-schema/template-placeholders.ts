import type { TemplateName } from "./enums";
import { COMPUTED_PLACEHOLDERS, placeholderNames } from "./notice-templates";
import { ledgerTab } from "./tabs/ledger";

/**
 * Which {{…}} have a value in which 通知模板 text, written once: the handbook's table
 * (docs/staff-guide.md 附录二) and the template check read it, and a test renders every notice
 * type through planning to keep it true (test/unit/notices/template-placeholders.test.ts).
 *
 * The 建议台账 columns are in every notice about one suggestion, as the row holds them when the
 * notice goes (dates as 2026年3月2日, names joined with 、); a cell left blank is blank in the
 * notice. A round-1 notice reads the round-2 columns blank. 督办周报 is about no suggestion: every
 * column is blank in it.
 */

export type ComputedPlaceholder = (typeof COMPUTED_PLACEHOLDERS)[number];

/** In every notice about one suggestion, 受理回执 included (placeholders.ts rowView, cellsView). */
export const SUGGESTION_PLACEHOLDERS = ["接收方", "个人链接", "测评链接", "民意转化"] as const;

/**
 * In every notice about a suggestion's handling round, besides SUGGESTION_PLACEHOLDERS: counted
 * from the round's 交办日期 (or 二次交办日期) and 办理期限 (placeholders.ts computedValues).
 */
export const ROUND_PLACEHOLDERS = ["剩余天数", "逾期天数", "异议期限", "协办意见期限"] as const;

/** What a computed name holds, for staff: what it is, an example, when it is blank. */
export const PLACEHOLDER_DESCRIPTIONS: Readonly<Record<ComputedPlaceholder, string>> = {
  接收方: "收通知的单位、代表或领导，如“区教育局”；督办周报为“各位领导”",
  个人链接: "收件人自己的链接页面（发送时填入）；不写也会附在通知末尾，写了就放在写的位置；督办周报没有",
  测评链接: "『设置』测评链接，其中 {{编号}} 换成本件编号；『设置』没填时为空。用于答复告知、测评提醒",
  民意转化: "建议由联络站民意转化而来时为“联络站民意”，否则为空",
  剩余天数: "离本轮办理期限还有几天，如“15”；已过期为“0”",
  逾期天数:
    "本轮办理期限已过几天，如“8”；没过期时为空（到期提醒里总是空的）。协办单位的交办异议处理结果按其协办意见期限算",
  异议期限:
    "单位可以对交办提出异议的最后一天（交办日期后『设置』异议期限工作日个工作日），如“2026年3月11日”，已过的后面加“（已届满）”；协办单位、改交后的主办单位从其得知之日起算",
  协办意见期限:
    "协办单位向主办单位送书面协办意见的最后一天（『设置』协办意见期限天数，遇休息日顺延），如“2026年4月1日”；协办单位的通知从该单位得知之日起算，其他通知从本轮交办日期起算",
  催办领导: "在链接页面点“催办”的领导，如“王建国副区长”",
  催办身份: "该领导的身份：“督办领导”或“领办领导”",
  催办领导职务:
    "该领导在『领导』里的职务，如“区人大常委会副主任”；『领导』没有这位领导、职务没填，或姓名已带职务（如“刘振华主任”）时为空",
  申请日期: "延期申请的申请日期，如“2026年4月8日”",
  审批结果: "延期申请的审批结果：同意、不同意或待审批",
  延期理由: "延期申请里写的理由",
  已答复: "本件已经答复时为“是”，还没答复时为空",
  测评意见: "代表最近一次测评时写的意见（记在备注里），如“答复没有提出具体措施”；没写时为空",
  看板链接: "看板首页的地址；运维还没设置看板地址时为空",
  周报日期: "周报数字截至的日期，如“2026年3月9日”",
  异议日期: "单位提出交办异议的日期",
  处理意见: "工作人员维持交办时写的意见；没写时为空",
  承办身份: "提出异议的单位是“主办”还是“协办”",
  协办意见送达日期: "『协办意见』记下的该协办单位送达协办意见的日期；还没送达时为空",
  答复类别说明: "本轮答复的类别和含义，如“B 类（正在解决或列入计划）”；答复类别没填时为空",
  原主办单位: "改由本单位主办时，原来的主办单位，如“区卫健委”；一开始就交本单位的为空",
  改交日期: "改由本单位主办的日期，如“2026年4月20日”；一开始就交本单位的为空",
};

export interface TemplatePlaceholders {
  /** Every computed name that has a value in some notice of this text. */
  readonly filled: readonly ComputedPlaceholder[];
  /** Those beyond SUGGESTION_PLACEHOLDERS and ROUND_PLACEHOLDERS: the handbook's table lists them. */
  readonly own: readonly ComputedPlaceholder[];
  /** About one suggestion: the 建议台账 columns hold its row (else they are all blank). */
  readonly aboutSuggestion: boolean;
}

const aboutRound = (
  own: readonly ComputedPlaceholder[],
  without: readonly ComputedPlaceholder[] = [],
): TemplatePlaceholders => ({
  filled: [...SUGGESTION_PLACEHOLDERS, ...ROUND_PLACEHOLDERS, ...own].filter(
    (name) => !without.includes(name),
  ),
  own,
  aboutSuggestion: true,
});

const EXTENSION = ["申请日期", "审批结果", "延期理由", "已答复", "答复类别说明"] as const;
const OBJECTION = ["异议日期", "处理意见", "承办身份"] as const;

/**
 * By template name: the computed names that have a value in its notices. One that goes only while
 * round 1 awaits its reply has no 测评意见 and no 答复类别说明 (a rating and a reply class come
 * after the reply); one about the round awaiting its reply has no 答复类别说明, but may be about
 * round 2, after a rating with its 测评意见.
 */
export const TEMPLATE_PLACEHOLDER_MAP: Readonly<Record<TemplateName, TemplatePlaceholders>> = {
  受理回执: { filled: SUGGESTION_PLACEHOLDERS, own: [], aboutSuggestion: true },
  交办通知: aboutRound(["原主办单位", "改交日期"]),
  "交办通知（协办单位）": aboutRound([]),
  "交办通知（领办领导）": aboutRound([]),
  // Goes only until 办理期限 (its series' lastDay): never overdue.
  到期提醒: aboutRound(["测评意见"], ["逾期天数"]),
  逾期催办: aboutRound(["测评意见"]),
  "逾期催办（领导）": aboutRound(["测评意见"]),
  答复告知: aboutRound(["答复类别说明", "测评意见"]),
  测评提醒: aboutRound(["答复类别说明", "测评意见"]),
  二次交办通知: aboutRound(["测评意见"]),
  跟踪提醒: aboutRound(["答复类别说明", "测评意见"]),
  领导催办: aboutRound(["催办领导", "催办身份", "催办领导职务", "测评意见"]),
  督办周报: {
    filled: ["接收方", "看板链接", "周报日期"],
    own: ["看板链接", "周报日期"],
    aboutSuggestion: false,
  },
  沟通提醒: aboutRound([]),
  协办提醒: aboutRound([]),
  延期审批结果: aboutRound(EXTENSION),
  延期告知: aboutRound(EXTENSION),
  交办异议处理结果: aboutRound(OBJECTION),
  "交办异议处理结果（协办单位）": aboutRound([...OBJECTION, "协办意见送达日期"]),
  // About no suggestion, as the 督办周报: its recipient and the new link only.
  链接更换通知: { filled: ["接收方", "个人链接"], own: [], aboutSuggestion: false },
};

const LEDGER_HEADERS: ReadonlySet<string> = new Set(ledgerTab.columns.map((col) => col.header));
const COMPUTED: ReadonlySet<string> = new Set(COMPUTED_PLACEHOLDERS);

/** Each template's `filled` as a set, made once. */
const FILLED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(TEMPLATE_PLACEHOLDER_MAP).map(([type, entry]) => [type, new Set<string>(entry.filled)]),
);

/**
 * The names a template text uses (plain, or as a section {{#名}}…{{/名}}) that never have a value
 * in notices of `type`: computed names its notices do not fill, and, in 督办周报, the 建议台账
 * columns. Each once, in the order the text uses them; unknown names are unknownPlaceholders' to report.
 */
export function placeholdersAlwaysBlank(type: TemplateName, text: string): string[] {
  const entry = TEMPLATE_PLACEHOLDER_MAP[type];
  const filled = FILLED.get(type) ?? new Set<string>();
  return placeholderNames(text).filter(
    (name) =>
      (COMPUTED.has(name) && !filled.has(name)) || (!entry.aboutSuggestion && LEDGER_HEADERS.has(name)),
  );
}
