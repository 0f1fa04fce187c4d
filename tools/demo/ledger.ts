import type { DemoDates } from "./dates";
import type { DemoDeputy } from "./deputies";
import { liveThrough, SCENARIOS, type Scenario } from "./lifecycle";
import { markKeySuggestions, pickPeople, placeNamesakes } from "./people";
import { GOVERNMENT_LEADERS } from "./practice";
import type { Prng } from "./prng";
import { FOLLOW_UP_NOTES, STAFF_NOTES } from "./replies";
import type { Suggestion } from "./suggestion";
import { PLACES, REJECTED, TOPICS, type Topic } from "./topics";
import { UNIT_NAMES } from "./units";

const SLOT = /\{(镇|街道|村|路|小区|学校)\}/g;
/** Which 镇 a village belongs to (a village road goes to that 镇 as co-unit). */
const TOWN_OF_VILLAGE: Readonly<Record<string, string>> = {
  东杨村: "柏庄镇",
  西马村: "柏庄镇",
  南官庄村: "柏庄镇",
  小屯村: "韩陵镇",
  后营村: "韩陵镇",
  沙岗村: "韩陵镇",
  王家庄村: "安丰乡",
  郭家湾村: "安丰乡",
};

function unitOfPlace(place: string | undefined): string | undefined {
  if (!place) return undefined;
  const unit = [`${place}办事处`, `${place}人民政府`].find((name) => UNIT_NAMES.includes(name));
  return unit;
}

/** Fills a topic's places; null when that title is taken already (a topic without places, used once). */
function fillTopic(topic: Topic, prng: Prng, used: Set<string>) {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const chosen = new Map<string, string>();
    const fill = (text: string) =>
      text.replace(SLOT, (_, slot: string) => {
        if (!chosen.has(slot)) chosen.set(slot, prng.pick(PLACES[slot] ?? [""]));
        return chosen.get(slot) ?? "";
      });
    const title = fill(topic.title);
    if (used.has(title)) continue;
    used.add(title);
    const village = chosen.get("村");
    const town = chosen.get("镇") ?? (village ? TOWN_OF_VILLAGE[village] : undefined);
    const co = topic.co
      .map((name) =>
        name === "{镇}" ? unitOfPlace(town) : name === "{街道}" ? unitOfPlace(chosen.get("街道")) : name,
      )
      .filter((name): name is string => name !== undefined && name !== topic.unit);
    return { title, summary: fill(topic.summary), category: topic.category, unit: topic.unit, co };
  }
  return null;
}

function blank(): Suggestion {
  return {
    intended: "待审查",
    id: "",
    session: "",
    title: "",
    summary: "",
    lead: "",
    coSigners: [],
    category: "",
    submittedOn: "",
    review: null,
    coUnits: [],
    overrides: {},
  };
}

function withTopic(
  prng: Prng,
  deputies: readonly DemoDeputy[],
  used: Set<string>,
  topic?: Topic,
): Suggestion {
  const s = blank();
  let filled = topic ? fillTopic(topic, prng, used) : null;
  while (!filled) filled = fillTopic(prng.pick(TOPICS.slice(1)), prng, used);
  Object.assign(s, { title: filled.title, summary: filled.summary, category: filled.category });
  Object.assign(
    s,
    { leadUnit: filled.unit, coUnits: filled.co },
    pickPeople(prng, deputies, filled.category),
  );
  return s;
}

/** 编号 in submission order, the way staff number as suggestions come in; the newest is left blank. */
function number(suggestions: Suggestion[], prng: Prng): Suggestion[] {
  const keyed = suggestions.map((s) => ({ s, order: `${s.submittedOn}#${prng.next().toFixed(6)}` }));
  keyed.sort((a, b) => (a.order < b.order ? -1 : 1));
  const sorted = keyed.map((k) => k.s);
  sorted.forEach((s, i) => {
    s.id = `2026-${String(i + 1).padStart(3, "0")}`;
  });
  const newest = sorted[sorted.length - 1];
  if (newest && newest.review === null) newest.id = "";
  return sorted;
}

/** The rows of 建议台账 for the demo year, in sheet order. */
export function makeSuggestions(prng: Prng, dates: DemoDates, deputies: readonly DemoDeputy[]): Suggestion[] {
  const used = new Set<string>();
  const all: Suggestion[] = [];
  let healthCentre: Suggestion | undefined;
  for (const [scenario, { count }] of Object.entries(SCENARIOS) as [Scenario, { count: number }][]) {
    for (let i = 0; i < count; i += 1) {
      const first = scenario === "crossYearFlag" && !healthCentre;
      const s = withTopic(prng, deputies, used, first ? TOPICS[0] : undefined);
      if (first) healthCentre = s;
      if (scenario === "rejected") {
        const rejected = REJECTED[i % REJECTED.length] ?? REJECTED[0];
        Object.assign(s, {
          title: rejected.title,
          summary: rejected.title,
          category: "其他",
          notes: rejected.note,
        });
      }
      liveThrough(s, scenario, dates, prng);
      all.push(s);
    }
  }
  const sorted = number(all, prng);
  const targets = prng.sample(
    sorted.filter((s) => s.review === "立案" && s.session === "十一届五次会议" && s.intended === "已办结"),
    SCENARIOS.merged.count,
  );
  sorted
    .filter((s) => s.review === "并案")
    .forEach((s, i) => {
      const target = targets[i];
      if (!target) return;
      Object.assign(s, { title: target.title, summary: target.summary, category: target.category });
      s.mergedInto = target.id;
      s.notes = `与 ${target.id} 内容相同，并入该件办理`;
    });
  if (healthCentre) markKeySuggestions(prng, sorted, healthCentre);
  placeNamesakes(sorted);
  const rated = sorted.filter((s) => s.rating && !s.isKey);
  prng.sample(rated, 12).forEach((s, i) => {
    s.followUp = true;
    if (i < 8) s.followUpNotes = FOLLOW_UP_NOTES[i % FOLLOW_UP_NOTES.length];
  });
  for (const s of sorted) if (!s.notes && prng.chance(0.25)) s.notes = prng.pick(STAFF_NOTES);
  practiceColumns(sorted, prng);
  return sorted;
}

/**
 * practice.md's columns as the office fills them: 来源 typed for some suggestions made between
 * sessions (the congress ones are left blank: 设置 会议期间 says where they came from), three from
 * liaison stations, 预审意见 for many, 领办领导 for key suggestions and a few others, 答复函 links,
 * 优秀建议 for the best handled, and an extension still waiting for approval.
 */
function practiceColumns(sorted: Suggestion[], prng: Prng): void {
  const closedAccepted = sorted.filter((s) => s.session === "闭会期间" && s.review === "立案");
  for (const s of closedAccepted) if (prng.chance(0.5)) s.source = "闭会期间";
  for (const s of prng.sample(closedAccepted, 3)) {
    s.source = "联络站民意";
    s.preReview = `由${s.lead}代表在联络站接待选民时收集，经整理形成建议`;
  }
  for (const s of sorted) {
    if (s.preReview) continue;
    if (s.review === "不予立案")
      s.preReview = "经预审，所提事项不属于本级国家机关职权范围，建议作为来信转有关部门处理";
    else if (s.review === "立案" && prng.chance(0.4))
      s.preReview = `经专业小组预审，建议立案${s.leadUnit ? `，交${s.leadUnit}主办` : ""}`;
  }
  const keys = sorted.filter((s) => s.isKey);
  const others = sorted.filter((s) => !s.isKey && s.intended === "跟踪落实");
  [...keys.slice(0, 4), ...prng.sample(others, 3)].forEach((s, i) => {
    s.handlingLeader = GOVERNMENT_LEADERS[i % GOVERNMENT_LEADERS.length];
  });
  for (const s of sorted)
    if (s.repliedOn && prng.chance(0.7)) s.replyLetter = `https://www.beicheng.example/dbjy/2026/${s.id}.pdf`;
  const best = sorted.filter((s) => s.intended === "已办结" && s.replyClass === "A" && s.rating === "满意");
  for (const s of prng.sample(best, 6)) s.excellent = true;
  const waiting = sorted.find((s) => s.intended === "即将到期" && !s.reassignedOn && !s.extension);
  if (waiting)
    waiting.extension = {
      appliedOn: "2026-11-23",
      reason: "需待市级部门批复后实施，申请延长办理期限",
      result: null,
    };
}
