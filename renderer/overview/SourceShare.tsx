// The sources' shares of the whole as one stacked bar with a legend in words.

import { formatThousands } from '../../shared/money';

interface SourceShareProps {
  parts: { label: string; total: number }[];
}

const WIDTH = 600;
const HEIGHT = 22;

export function SourceShare({ parts }: SourceShareProps) {
  const positive = parts.filter((p) => p.total > 0);
  const sum = positive.reduce((acc, p) => acc + p.total, 0);
  if (sum === 0) return null;
  let x = 0;
  return (
    <svg className="chart share" role="img" aria-label="Доли источников финансирования" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none">
      {positive.map((part, i) => {
        const width = (part.total / sum) * WIDTH;
        const rect = (
          <rect key={part.label} x={x} y={0} width={width} height={HEIGHT} className={`share-${i % 5}`}>
            <title>{`${part.label}: ${formatThousands(part.total)} тыс. руб. (${Math.round((part.total / sum) * 1000) / 10} %)`}</title>
          </rect>
        );
        x += width;
        return rect;
      })}
    </svg>
  );
}
