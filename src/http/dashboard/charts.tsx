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
}

const LABEL_W = 130;
const BAR_W = 360;
const VALUE_W = 70;
const ROW_H = 26;

/** Horizontal bars as inline SVG (no script, no external library: the office network may be closed). */
export const BarChart: FC<{ items: readonly BarItem[]; max?: number; title: string }> = ({
  items,
  max,
  title,
}) => {
  const top = Math.max(max ?? 0, ...items.map((i) => i.value ?? 0), 1);
  const height = items.length * ROW_H + 4;
  const width = LABEL_W + BAR_W + VALUE_W;
  return (
    <svg
      class="chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <title>{title}</title>
      {items.map((item, i) => {
        const y = i * ROW_H + 4;
        const length = item.value === null ? 0 : Math.max(item.value > 0 ? 2 : 0, (item.value / top) * BAR_W);
        const label = (
          <text x={LABEL_W - 8} y={y + 14} text-anchor="end">
            {item.label}
          </text>
        );
        return (
          <g>
            {item.href ? <a href={item.href}>{label}</a> : label}
            <rect class="track" x={LABEL_W} y={y} width={BAR_W} height={18} rx={3} />
            <rect
              class={`fill-${item.tone}`}
              x={LABEL_W}
              y={y}
              width={length.toFixed(1)}
              height={18}
              rx={3}
            />
            <text class="value" x={LABEL_W + BAR_W + 6} y={y + 14}>
              {item.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

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
