/** A chart's legend: each series drawn as it is drawn in the chart (thickness and dashes). */
export function ChartLegend({
  items,
}: {
  items: { label: string; color: string; width: number; dash?: string }[];
}) {
  return (
    <ul className="mb-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <svg width="28" height="10" aria-hidden="true" className="shrink-0">
            <line
              x1="1"
              x2="27"
              y1="5"
              y2="5"
              stroke={item.color}
              strokeWidth={item.width}
              strokeDasharray={item.dash}
            />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
