// Financing by year as bars with their amounts written on them: readable without colour and
// printed the same way the tables print money.

import { formatThousands } from '../../shared/money';

interface YearChartProps {
  years: number[];
  amounts: number[];
  title: string;
}

const BAR_WIDTH = 56;
const GAP = 14;
const PLOT_HEIGHT = 150;
const TOP = 22;
const BOTTOM = 22;

export function YearChart({ years, amounts, title }: YearChartProps) {
  const max = Math.max(0, ...amounts);
  const width = years.length * (BAR_WIDTH + GAP) + GAP;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  return (
    <svg className="chart" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width={width} height={height} preserveAspectRatio="xMinYMin meet">
      <title>{title}</title>
      <line x1={0} x2={width} y1={TOP + PLOT_HEIGHT} y2={TOP + PLOT_HEIGHT} className="chart-axis" />
      {years.map((year, i) => {
        const amount = amounts[i] ?? 0;
        const barHeight = max > 0 ? Math.max(amount > 0 ? 1 : 0, Math.round((amount / max) * PLOT_HEIGHT)) : 0;
        const x = GAP + i * (BAR_WIDTH + GAP);
        const y = TOP + PLOT_HEIGHT - barHeight;
        const label = formatThousands(amount);
        return (
          <g key={year}>
            <rect x={x} y={y} width={BAR_WIDTH} height={barHeight} className="chart-bar">
              <title>{`${year} г.: ${formatThousands(amount)} тыс. руб.`}</title>
            </rect>
            <text x={x + BAR_WIDTH / 2} y={y - 5} textAnchor="middle" className="chart-value">
              {label}
            </text>
            <text x={x + BAR_WIDTH / 2} y={TOP + PLOT_HEIGHT + 16} textAnchor="middle" className="chart-year">
              {year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
