import { describe, expect, it } from 'vitest';
import { lineChartSvg, stackedLineChartsSvg } from '../../src/report/plot.js';

const series = [
  { name: 'alpha', points: [700, 800, 900].map((x) => ({ x, y: x / 1000 })) },
  { name: 'beta', points: [700, 800, 900].map((x) => ({ x, y: 1 - x / 2000, yErr: 0.05 })) },
];

describe('lineChartSvg', () => {
  it('renders a standalone SVG with title, axis labels, legend and band labels', async () => {
    const svg = await lineChartSvg({
      title: 'Test chart',
      xLabel: 'wavelength (nm)',
      yLabel: 'value (1/mm)',
      series,
      logY: true,
      bands: [{ fromX: 750, toX: 850, label: 'window A' }],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Test chart', 'wavelength (nm)', 'value (1/mm)', 'alpha', 'beta', 'window A']) expect(svg).toContain(text);
  });
  it('draws error bars only where yErr is given', async () => {
    const withErr = await lineChartSvg({ title: 't', xLabel: 'x', yLabel: 'y', series });
    const without = await lineChartSvg({ title: 't', xLabel: 'x', yLabel: 'y', series: [series[0]] });
    expect(withErr).toContain('mark-rule role-mark');
    expect(without).not.toContain('mark-rule role-mark');
  });
  it('refuses a chart with nothing to draw', async () => {
    await expect(lineChartSvg({ title: 'empty', xLabel: 'x', yLabel: 'y', series: [{ name: 'z', points: [{ x: 1, y: 0 }] }], logY: true })).rejects.toThrow(
      /no points/,
    );
  });
  it('stacks charts into one SVG', async () => {
    const svg = await stackedLineChartsSvg({
      title: 'Both',
      charts: [
        { title: 'first', xLabel: 'x', yLabel: 'y1', series },
        { title: 'second', xLabel: 'x', yLabel: 'y2', series },
      ],
    });
    for (const text of ['Both', 'first', 'second', 'y1', 'y2']) expect(svg).toContain(text);
  });
});
