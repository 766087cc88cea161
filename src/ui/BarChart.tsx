import './bar-chart.css';

export interface BarChartRow {
  id: string;
  label: string;
  count: number;
}

interface Props {
  /** Unique in the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** What the chart shows, for a screen reader (the table below gives every figure). */
  description: string;
  rows: readonly BarChartRow[];
  /** Headers of the table's two columns: what each row is, what is counted. */
  columns: [string, string];
}

const WIDTH = 640;
const LABEL = 250;
const BAR = 330;
const ROW = 34;

/**
 * A horizontal bar chart in SVG with a title and a description, followed by
 * the same figures as a table (for screen readers, for copying, and for
 * whoever reads a table more easily than bars). No inline style: the CSP
 * forbids it; the bars take their colour from bar-chart.css.
 */
export function BarChart({ id, title, description, rows, columns }: Props) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  const height = rows.length * ROW + 8;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-titre ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-titre`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((row, i) => {
          const y = 4 + i * ROW;
          const width = row.count === 0 ? 0 : Math.max(2, (row.count / max) * BAR);
          return (
            <g key={row.id}>
              <text
                x={LABEL - 8}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="bar-chart-label"
              >
                {row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label}
              </text>
              <rect x={LABEL} y={y + 5} width={width} height={ROW - 10} rx={3} className="bar-chart-bar" />
              <text x={LABEL + width + 6} y={y + ROW / 2} dominantBaseline="middle" className="bar-chart-value">
                {row.count}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="bar-chart-table">
        <caption>{title} : les chiffres</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
