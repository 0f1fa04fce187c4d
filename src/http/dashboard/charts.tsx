import type { FC } from "hono/jsx";
import type { Tone } from "./format";

export interface BarItem {
  readonly label: string;
  /** Bar length in the chart's unit; null draws no bar (a rate shown as "—"). */
  readonly value: number | null;
  /** What is written after the bar, e.g. "12" or "87.5%". */
  readonly display: string;
  readonly tone: Tone;
  readonly href?: string;
  /**
   * A mark drawn before the label that says what the colour says (OVERDUE_MARK): red and blue print
   * as the same grey and look alike to a colour-blind reader.
   */
  readonly mark?: string;
  /** What the mark means, said after the figures in the chart's text for screen readers. */
  readonly said?: string;
}

/** The mark of a unit with suggestions overdue and unreplied, explained in OVERDUE_LEGEND. */
export const OVERDUE_MARK = "▲";

/** A unit's bar in the charts of 按期答复率: red and ▲ when it has suggestions overdue and unreplied. */
export function overdueBar(overdueUnreplied: number): Pick<BarItem, "tone" | "mark" | "said"> {
  return overdueUnreplied > 0
    ? { tone: "danger", mark: OVERDUE_MARK, said: "有逾期未答复的建议" }
    : { tone: "info" };
}

/** What the colours and the mark of overdueBar mean, under the chart. */
export const OVERDUE_LEGEND = [
  { tone: "danger", meaning: `${OVERDUE_MARK} 红色：有逾期未答复的建议` },
  { tone: "info", meaning: "蓝色：没有逾期未答复的建议" },
] as const;

/** A bar's label as drawn: its mark first. */
const drawnLabel = (item: BarItem) => (item.mark ? `${item.mark} ${item.label}` : item.label);

/** What a screen reader says for a bar: its label, its figure and what its mark means. */
const spoken = (item: BarItem) => `${item.label}：${item.display}${item.said ? `（${item.said}）` : ""}`;

/**
 * A chart whose bars are links is a group (role="img" would hide its links from a screen reader while
 * the Tab key still stops on them): each link is named by what its bar says (spoken), the rest of the
 * drawing is hidden from the screen reader, which hears the figures from SpokenBars. A chart without
 * links stays one picture.
 */
const chartRole = (items: readonly BarItem[]) => (items.some((i) => i.href) ? "group" : "img");

/** A bar's drawing, inside its link when it has one (named by what the bar says). */
const BarRow: FC<{ item: BarItem; children: unknown }> = ({ item, children }) => (
  <g>
    {item.href ? (
      <a href={item.href} aria-label={spoken(item)}>
        {children}
      </a>
    ) : (
      children
    )}
  </g>
);

const LABEL_W = 130;
const BAR_W = 360;
const VALUE_W = 70;
const ROW_H = 26;

/** A bar's row at desktop width: label, bar and value on one line, the whole row its link. */
const WideBars: FC<{ items: readonly BarItem[]; top: number; title: string }> = ({ items, top, title }) => {
  const height = items.length * ROW_H + 4;
  const width = LABEL_W + BAR_W + VALUE_W;
  return (
    <svg
      class="chart wide"
      role={chartRole(items)}
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <title>{title}</title>
      {items.map((item, i) => {
        const y = i * ROW_H + 4;
        // A link says the row in its aria-label; a row without one is said by SpokenBars alone.
        const hidden = item.href ? undefined : "true";
        const row = (
          <>
            <text x={LABEL_W - 8} y={y + 14} text-anchor="end" aria-hidden={hidden}>
              {drawnLabel(item)}
            </text>
            <rect class="track" x={LABEL_W} y={y} width={BAR_W} height={18} rx={3} />
            <rect
              class={`fill-${item.tone}`}
              x={LABEL_W}
              y={y}
              width={barLength(item, top, BAR_W).toFixed(1)}
              height={18}
              rx={3}
            />
            <text class="value" x={LABEL_W + BAR_W + 6} y={y + 14} aria-hidden={hidden}>
              {item.display}
            </text>
          </>
        );
        return <BarRow item={item}>{row}</BarRow>;
      })}
    </svg>
  );
};

/**
 * On a phone the 560-unit chart would shrink to about 8 px type. There a bar's row is two lines in a
 * viewBox about as wide as the card (so a unit is about a CSS px): the label and value at 15 px, the
 * bar under them, and the whole row, 44 px tall, is the link (a touch target, not an 11 px word).
 */
const NARROW_W = 320;
const NARROW_ROW_H = 44;

const NarrowBars: FC<{ items: readonly BarItem[]; top: number; title: string }> = ({ items, top, title }) => {
  const height = items.length * NARROW_ROW_H;
  return (
    <svg
      class="chart narrow"
      role={chartRole(items)}
      aria-label={title}
      viewBox={`0 0 ${NARROW_W} ${height}`}
      width={NARROW_W}
      height={height}
    >
      <title>{title}</title>
      {items.map((item, i) => {
        const y = i * NARROW_ROW_H;
        // A link says the row in its aria-label; a row without one is said by SpokenBars alone.
        const hidden = item.href ? undefined : "true";
        const row = (
          <>
            <rect class="hit" x={0} y={y} width={NARROW_W} height={NARROW_ROW_H} />
            <text x={0} y={y + 18} aria-hidden={hidden}>
              {drawnLabel(item)}
            </text>
            <text class="value" x={NARROW_W} y={y + 18} text-anchor="end" aria-hidden={hidden}>
              {item.display}
            </text>
            <rect class="track" x={0} y={y + 26} width={NARROW_W} height={10} rx={3} />
            <rect
              class={`fill-${item.tone}`}
              x={0}
              y={y + 26}
              width={barLength(item, top, NARROW_W).toFixed(1)}
              height={10}
              rx={3}
            />
          </>
        );
        return <BarRow item={item}>{row}</BarRow>;
      })}
    </svg>
  );
};

function barLength(item: BarItem, top: number, full: number): number {
  return item.value === null ? 0 : Math.max(item.value > 0 ? 2 : 0, (item.value / top) * full);
}

/**
 * The chart's figures as text for a screen reader, which hears of the drawing only its label and its
 * links (chartRole): each bar's label, figure and what its mark means. Hidden on screen and on paper
 * (.sr-only).
 */
const SpokenBars: FC<{ items: readonly BarItem[]; title: string }> = ({ items, title }) => (
  <ul class="sr-only" aria-label={title}>
    {items.map((item) => (
      <li>{spoken(item)}</li>
    ))}
  </ul>
);

/**
 * Horizontal bars as inline SVG (no script, no external library: the office network may be closed),
 * drawn twice: the stylesheet shows the wide drawing on screens over 600 px, the narrow one below;
 * and said once as a list for screen readers.
 */
export const BarChart: FC<{ items: readonly BarItem[]; max?: number; title: string }> = ({
  items,
  max,
  title,
}) => {
  const top = Math.max(max ?? 0, ...items.map((i) => i.value ?? 0), 1);
  return (
    <>
      <WideBars items={items} top={top} title={title} />
      <NarrowBars items={items} top={top} title={title} />
      <SpokenBars items={items} title={title} />
    </>
  );
};

/** What a chart's colours mean, under it: a swatch of each tone and its meaning. */
export const ToneLegend: FC<{ entries: readonly { tone: Tone; meaning: string }[] }> = ({ entries }) => (
  <div class="legend">
    {entries.map((e) => (
      <span>
        <svg width="10" height="10" aria-hidden="true">
          <rect class={`fill-${e.tone}`} width="10" height="10" />
        </svg>
        {e.meaning}
      </span>
    ))}
  </div>
);

export interface Segment {
  readonly label: string;
  readonly count: number;
  readonly share: string;
  /** CSS class suffix: fill-a … fill-d. */
  readonly fill: string;
}

/** One bar split into shares (A/B/C/D reply classes), with a legend. */
export const StackedBar: FC<{ segments: readonly Segment[]; title: string }> = ({ segments, title }) => {
  const width = LABEL_W + BAR_W + VALUE_W;
  const total = segments.reduce((s, x) => s + x.count, 0);
  let x = 0;
  return (
    <div>
      <svg class="chart" role="img" aria-label={title} viewBox={`0 0 ${width} 30`} width={width} height={30}>
        <title>{title}</title>
        <rect class="track" x={0} y={4} width={width} height={22} rx={3} />
        {total === 0
          ? null
          : segments.map((s) => {
              const w = (s.count / total) * width;
              const rect = (
                <rect class={`fill-${s.fill}`} x={x.toFixed(1)} y={4} width={w.toFixed(1)} height={22} />
              );
              x += w;
              return rect;
            })}
      </svg>
      <div class="legend">
        {segments.map((s) => (
          <span>
            <svg width="10" height="10" aria-hidden="true">
              <rect class={`fill-${s.fill}`} width="10" height="10" />
            </svg>
            {s.label} {s.count} 件（{s.share}）
          </span>
        ))}
      </div>
    </div>
  );
};
