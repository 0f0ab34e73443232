import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
  points: { day: string; followers: number; selfReported: boolean }[];
}

// NHS identity colours with enough contrast on white
const COLOURS = ['#005eb8', '#007f3b', '#330072', '#d5281b', '#ed8b00', '#00a499'];

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Record<string, unknown>;
  dataKey?: unknown;
  stroke?: string;
}

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Filled for an imported or fetched figure, hollow for a self-reported one. */
function FigureDot({ cx, cy, payload, dataKey, stroke }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const selfReported = payload[`${String(dataKey)}_self`] === true;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={4}
      stroke={stroke}
      strokeWidth={2}
      fill={selfReported ? '#ffffff' : stroke}
    />
  );
}

/** The drawing only (hidden from screen readers: the table beside it has the same figures). */
export function FollowersLineChart({
  series,
  days,
  shortDay,
}: {
  series: ChartSeries[];
  days: string[];
  shortDay: (day: string) => string;
}) {
  const rows = days.map((day) => {
    // noon UTC: the London day whatever the season, so days are spaced by time, gaps and all
    const row: Record<string, unknown> = { day, t: Date.parse(`${day}T12:00:00Z`) };
    for (const s of series) {
      const point = s.points.find((p) => p.day === day);
      if (point) {
        row[s.key] = point.followers;
        row[`${s.key}_self`] = point.selfReported;
      }
    }
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, left: 8 }}>
        <CartesianGrid stroke="#d8dde0" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(t: number) => shortDay(dayOf(t))}
          stroke="#4c6272"
        />
        <YAxis
          stroke="#4c6272"
          allowDecimals={false}
          tickFormatter={(n: number) => n.toLocaleString('en-GB')}
        />
        <Tooltip
          labelFormatter={(t) => shortDay(dayOf(Number(t)))}
          formatter={(value, name, item) => {
            const self = (item.payload as Record<string, unknown>)[`${String(item.dataKey)}_self`];
            return [
              `${Number(value).toLocaleString('en-GB')}${self === true ? ' (self-reported)' : ''}`,
              name,
            ];
          }}
        />
        <Legend />
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth={2}
            connectNulls
            dot={<FigureDot />}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
