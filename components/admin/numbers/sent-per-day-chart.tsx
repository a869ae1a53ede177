/**
 * Letters sent per day as a bar chart drawn on the server as SVG: no script, no third-party request, and readable
 * without sight (a title and a description name the figures, and the same figures follow as a table).
 */
export type TDayCount = { day: string; count: number };

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 16, right: 12, bottom: 36, left: 40 };

/** A round step for the axis: 1, 2 or 5 times a power of ten, giving at most 5 lines. */
export function axisStep(max: number): number {
  if (max <= 5) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

export function SentPerDayChart({ days, id }: { days: TDayCount[]; id: string }) {
  const max = Math.max(0, ...days.map((d) => d.count));
  const step = axisStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / days.length;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  const first = days[0]?.day ?? "";
  const last = days.at(-1)?.day ?? "";
  return (
    <figure className="numbers-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="numbers-chart__svg" data-testid="sent-per-day-chart">
        <title id={`${id}-title`}>Letters sent per day</title>
        <desc id={`${id}-desc`}>
          {`${total} letters sent from ${first} to ${last}; the most in one day: ${max}. The same figures are in the table below.`}
        </desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="numbers-chart__grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="numbers-chart__label">
              {t}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const h = (d.count / top) * plotH;
          return (
            <g key={d.day} data-day={d.day} data-count={d.count}>
              <rect x={PAD.left + i * band + band * 0.15} y={PAD.top + plotH - h} width={band * 0.7} height={h} className="numbers-chart__bar">
                <title>{`${d.day}: ${d.count}`}</title>
              </rect>
              {i % 5 === 4 || i === days.length - 1 ? (
                <text x={PAD.left + i * band + band / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="numbers-chart__label">
                  {shortDay(d.day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details>
          <summary>The figures as a table</summary>
          <div className="table-scroll">
            <table className="admin-table" data-testid="sent-per-day-table">
              <caption className="visually-hidden">Letters sent per day, last {days.length} days</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Letters sent</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <td>
                      <time dateTime={d.day}>{d.day}</time>
                    </td>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
