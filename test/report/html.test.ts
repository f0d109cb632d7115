import { describe, expect, it } from 'vitest';
import { escapeHtml, formatNumber, renderReport } from '../../src/report/html.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

describe('HTML report', () => {
  it('escapes text everywhere', () => {
    const html = renderReport({
      title: 'A <b>bold</b> & "quoted" title',
      subtitle: "it's <fine>",
      sections: [
        {
          heading: '<script>alert(1)</script>',
          paragraphs: ['x < y && y > z'],
          tables: [{ columns: ['<col>'], rows: [['<td>'], [1.5]] }],
        },
      ],
      footer: 'made by <nirwalk>',
    });
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title');
    expect(html).toContain('it&#39;s &lt;fine&gt;');
    expect(html).toContain('x &lt; y &amp;&amp; y &gt; z');
    expect(html).toContain('&lt;col&gt;');
    expect(html).toContain('made by &lt;nirwalk&gt;');
    expect(escapeHtml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('is a single self-contained document with inline SVG', () => {
    const html = renderReport({
      title: 'Filters',
      sections: [{ heading: 'Plot', svgs: ['<?xml version="1.0"?>\n' + SVG] }],
    });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain(SVG);
    expect(html).not.toMatch(/<link|<script|src=|@import|url\(/i);
  });

  it('refuses SVG with scripts or that is not SVG', () => {
    const bad = '<svg><script>alert(1)</script></svg>';
    expect(() => renderReport({ title: 't', sections: [{ heading: 'h', svgs: [bad] }] })).toThrow(/must not contain scripts/);
    expect(() => renderReport({ title: 't', sections: [{ heading: 'h', svgs: ['<div></div>'] }] })).toThrow(/expected an <svg>/);
    expect(() => renderReport({ title: 't', sections: [{ heading: 'h', svgs: ['<svg onload="x()"></svg>'] }] })).toThrow(
      /event handlers/,
    );
  });

  it('formats numbers sensibly and right-aligns numeric columns', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(-0.5)).toBe('−0.5');
    expect(formatNumber(0.000123)).toBe('1.23×10⁻⁴');
    expect(formatNumber(2.5e7)).toBe('2.5×10⁷');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
    const html = renderReport({ title: 't', sections: [{ heading: 'h', tables: [{ columns: ['name', 'value'], rows: [['a', 0.000123]] }] }] });
    expect(html).toContain('<th class="num">value</th>');
    expect(html).toContain('<td class="num">1.23×10⁻⁴</td>');
  });

  it('rejects ragged tables and gives sections unique anchors', () => {
    expect(() => renderReport({ title: 't', sections: [{ heading: 'h', tables: [{ columns: ['a', 'b'], rows: [[1]] }] }] })).toThrow(
      /row 1 has 1 cells, expected 2/,
    );
    const html = renderReport({ title: 't', sections: [{ heading: 'Same' }, { heading: 'Same' }, { heading: 'Other' }] });
    expect(html).toContain('id="same"');
    expect(html).toContain('id="same-2"');
    expect(html).toContain('href="#other"');
  });
});
