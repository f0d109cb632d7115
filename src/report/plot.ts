import * as vega from 'vega';
import * as vl from 'vega-lite';

export interface Series {
  name: string;
  points: { x: number; y: number; yErr?: number }[];
  /** Series with the same group share a colour and one legend entry (default: the name). */
  group?: string;
  /** Draw dashed, e.g. for an extrapolated stretch of a series. */
  dashed?: boolean;
}

export interface Band {
  fromX: number;
  toX: number;
  label: string;
}

export interface LineChartOptions {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logY?: boolean;
  logX?: boolean;
  bands?: Band[];
  width?: number;
  height?: number;
}

const FONT = 'Helvetica, Arial, sans-serif';
const BAND_FILLS = ['#fd8d3c', '#6baed6', '#74c476', '#9e9ac8', '#fb6a4a', '#969696', '#fdd0a2', '#c6dbef'];
const BAND_OPACITY = 0.16;
const BAND_LABEL_ROW_PX = 13;

function extent(values: number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

/** Gives each band the first label row where it overlaps no band already placed. */
function layoutBands(bands: Band[], [xMin, xMax]: [number, number]) {
  const rows: Band[][] = [];
  return bands
    .map((b, i) => ({ ...b, fill: BAND_FILLS[i % BAND_FILLS.length], fromX: Math.max(b.fromX, xMin), toX: Math.min(b.toX, xMax) }))
    .filter((b) => b.toX > b.fromX)
    .map((b) => {
      let row = rows.findIndex((placed) => placed.every((p) => p.toX <= b.fromX || p.fromX >= b.toX));
      if (row < 0) row = rows.push([]) - 1;
      rows[row].push(b);
      return { ...b, row };
    });
}

/** 1-2-5 ticks per decade; a log axis labels every minor tick otherwise. */
function logTicks([lo, hi]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e++) {
    for (const m of [1, 2, 5]) ticks.push(Number((m * 10 ** e).toPrecision(3)));
  }
  return ticks;
}

function chartSpec(o: LineChartOptions, titleStyle: Record<string, unknown> = {}): Record<string, unknown> {
  const logY = o.logY === true;
  const logX = o.logX === true;
  const usable = (p: { x: number; y: number }) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!logY || p.y > 0) && (!logX || p.x > 0);
  const rows = o.series.flatMap((s) =>
    s.points.filter(usable).map((p) => ({ series: s.name, group: s.group ?? s.name, dashed: s.dashed === true, x: p.x, y: p.y })),
  );
  if (rows.length === 0) throw new Error(`chart '${o.title}' has no points to plot`);
  const errorRows = o.series.flatMap((s) =>
    s.points
      .filter((p) => usable(p) && p.yErr !== undefined && p.yErr > 0)
      .map((p) => {
        const lo = p.y - (p.yErr as number);
        return { group: s.group ?? s.name, x: p.x, lo: logY && lo <= 0 ? p.y / 10 : lo, hi: p.y + (p.yErr as number) };
      }),
  );
  const groups = [...new Set(rows.map((r) => r.group))];
  const yValues = [...rows.map((r) => r.y), ...errorRows.flatMap((r) => [r.lo, r.hi])];
  const xDomain = extent(rows.map((r) => r.x));
  const bands = layoutBands(o.bands ?? [], xDomain);
  const x = {
    field: 'x',
    type: 'quantitative',
    title: o.xLabel,
    scale: { type: logX ? 'log' : 'linear', domain: xDomain, nice: false, ...(logX ? {} : { zero: false }) },
    axis: { format: '~r' },
  };
  const color = { field: 'group', type: 'nominal', title: null, scale: { domain: groups, scheme: 'tableau10' }, legend: { orient: 'right', labelLimit: 420 } };
  const layers: Record<string, unknown>[] = [];
  if (bands.length > 0) {
    layers.push({
      data: { values: bands },
      mark: { type: 'rect', opacity: BAND_OPACITY, clip: true },
      encoding: { x: { ...x, field: 'fromX' }, x2: { field: 'toX' }, fill: { field: 'fill', type: 'nominal', scale: null } },
    });
    layers.push({
      data: { values: bands },
      // Labels sit above the plot frame, one row per level of nesting, so they never cover data.
      mark: { type: 'text', baseline: 'bottom', align: 'left', dx: 2, fontSize: 10, color: '#404040', font: FONT },
      encoding: {
        x: { ...x, field: 'fromX' },
        y: { field: 'labelY', type: 'quantitative', scale: null },
        text: { field: 'label' },
      },
      transform: [{ calculate: `-3 - datum.row * ${BAND_LABEL_ROW_PX}`, as: 'labelY' }],
    });
  }
  if (errorRows.length > 0) {
    layers.push({
      data: { values: errorRows },
      mark: { type: 'rule', strokeWidth: 1.2, opacity: 0.8, clip: true },
      encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color },
    });
  }
  const fewPoints = Math.max(...o.series.map((s) => s.points.length)) <= 40;
  layers.push({
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2, clip: true, point: fewPoints ? { size: 28, filled: true } : false },
    encoding: {
      x,
      y: {
        field: 'y',
        type: 'quantitative',
        title: o.yLabel,
        scale: logY ? { type: 'log', nice: true } : { type: 'linear', zero: true, nice: true },
        ...(logY ? { axis: { values: logTicks(extent(yValues)), format: '~g' } } : {}),
      },
      color,
      detail: { field: 'series' },
      strokeDash: { field: 'dashed', type: 'nominal', scale: { domain: [false, true], range: [[1, 0], [6, 4]] }, legend: null },
    },
  });
  const labelRows = bands.length ? Math.max(...bands.map((b) => b.row)) + 1 : 0;
  return {
    title: { text: o.title, ...(o.subtitle ? { subtitle: o.subtitle } : {}), offset: 4 + labelRows * BAND_LABEL_ROW_PX, ...titleStyle },
    width: o.width ?? 640,
    height: o.height ?? 360,
    layer: layers,
  };
}

const CONFIG = {
  font: FONT,
  background: 'white',
  padding: 12,
  title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555', anchor: 'start', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6', domainColor: '#888', tickColor: '#888' },
  legend: { labelFontSize: 11, symbolStrokeWidth: 2.5, symbolType: 'stroke' },
  view: { stroke: '#bbb' },
};

/** vega-lite logs warnings to the console; a library must not write to the user's terminal. */
const QUIET = vega.logger(vega.None) as unknown as NonNullable<Parameters<typeof vl.compile>[1]>['logger'];

async function render(spec: Record<string, unknown>): Promise<string> {
  const top = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', config: CONFIG, ...spec } as vl.TopLevelSpec;
  const compiled = vl.compile(top, { logger: QUIET }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A line chart as a standalone SVG: one colour per series (or group), legend, optional error bars and shaded bands. */
export async function lineChartSvg(o: LineChartOptions): Promise<string> {
  return render(chartSpec(o));
}

/** Several line charts stacked vertically in one SVG, sharing colours and legend. */
export async function stackedLineChartsSvg(o: { title: string; subtitle?: string; charts: LineChartOptions[] }): Promise<string> {
  return render({
    title: o.subtitle ? { text: o.title, subtitle: o.subtitle } : o.title,
    vconcat: o.charts.map((c) => chartSpec(c, { fontSize: 12, anchor: 'start' })),
    spacing: 24,
    resolve: { scale: { color: 'shared', strokeDash: 'shared' }, legend: { color: 'shared' } },
  });
}
