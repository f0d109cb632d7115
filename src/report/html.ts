/** Self-contained HTML report: inline CSS and SVG, no scripts, no external assets. */

export interface ReportTable {
  columns: string[];
  rows: (string | number)[][];
  caption?: string;
}

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  /** Complete <svg> documents (trusted, e.g. from report/plot.ts); embedded as they are. */
  svgs?: string[];
  tables?: ReportTable[];
}

export interface Report {
  title: string;
  subtitle?: string;
  sections: ReportSection[];
  footer?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/**
 * Four significant digits, trailing zeros dropped; scientific (1.23×10⁻⁴) below 10⁻³ or from
 * 10⁶ up; integers below 10⁶ as they are; a true minus sign; NaN as an em dash.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (Number.isInteger(a) && a < 1e6) return sign + String(a);
  if (a < 1e-3 || a >= 1e6) {
    const [mantissa, exponent] = a.toExponential(3).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = String(Number(exponent)).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
    return `${sign}${m}×10${e}`;
  }
  return sign + String(Number(a.toPrecision(4)));
}

function slug(text: string, used: Set<string>): string {
  const base = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

/** Strips an XML prolog / doctype and refuses anything that is not a lone <svg> element with no scripts. */
function embedSvg(svg: string, where: string): string {
  const body = svg.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[^>]*\?>/i, '').replace(/^\s*<!DOCTYPE[^>]*>/i, '').trim();
  if (!/^<svg[\s>]/i.test(body) || !/<\/svg>$/i.test(body)) {
    throw new Error(`${where}: expected an <svg>…</svg> document`);
  }
  if (/<script[\s>]/i.test(body) || /\son[a-z]+\s*=/i.test(body)) {
    throw new Error(`${where}: SVG must not contain scripts or event handlers`);
  }
  return `<figure class="plot">${body}</figure>`;
}

function renderCell(value: string | number): string {
  if (typeof value === 'number') return `<td class="num">${escapeHtml(formatNumber(value))}</td>`;
  return `<td>${escapeHtml(value)}</td>`;
}

function renderTable(table: ReportTable, where: string): string {
  const width = table.columns.length;
  table.rows.forEach((row, i) => {
    if (row.length !== width) throw new Error(`${where}: row ${i + 1} has ${row.length} cells, expected ${width}`);
  });
  const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>` : '';
  const numeric = table.columns.map((_, c) => table.rows.length > 0 && table.rows.every((r) => typeof r[c] === 'number'));
  const head = table.columns.map((c, i) => `<th${numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body = table.rows.map((r) => `<tr>${r.map(renderCell).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const CSS = `
:root { --ink: #1d2430; --muted: #5b6675; --rule: #d9dee5; --accent: #2f5d8a; --band: #f4f6f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 0.75rem; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 0.25rem; }
.subtitle { color: var(--muted); margin: 0; font-size: 1.05rem; }
nav { background: var(--band); border-radius: 6px; padding: 0.6rem 1rem; margin-bottom: 1.5rem; font-size: 0.95rem; }
nav ol { margin: 0; padding-left: 1.2rem; columns: 2; }
nav a, nav a:visited { color: var(--accent); text-decoration: none; }
section { margin: 0 0 2.25rem; }
h2 { font-size: 1.3rem; margin: 0 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--rule); }
p { margin: 0 0 0.8rem; max-width: 75ch; }
figure.plot { margin: 1rem 0; padding: 0.5rem; border: 1px solid var(--rule); border-radius: 6px; overflow-x: auto; }
figure.plot svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 0.92rem; min-width: 50%; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.35rem; caption-side: top; }
th, td { padding: 0.35rem 0.75rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; border-bottom: 2px solid var(--rule); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
footer { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
@media print { nav { display: none; } figure.plot, table { break-inside: avoid; } }
`;

export function renderReport(report: Report): string {
  const used = new Set<string>();
  const ids = report.sections.map((s) => slug(s.heading, used));
  const nav =
    report.sections.length > 2
      ? `<nav aria-label="Contents"><ol>${report.sections
          .map((s, i) => `<li><a href="#${ids[i]}">${escapeHtml(s.heading)}</a></li>`)
          .join('')}</ol></nav>`
      : '';
  const sections = report.sections
    .map((s, i) => {
      const where = `section "${s.heading}"`;
      const parts = [
        `<h2>${escapeHtml(s.heading)}</h2>`,
        ...(s.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
        ...(s.svgs ?? []).map((svg, k) => embedSvg(svg, `${where}, svg ${k + 1}`)),
        ...(s.tables ?? []).map((t, k) => renderTable(t, `${where}, table ${k + 1}`)),
      ];
      return `<section id="${ids[i]}">\n${parts.join('\n')}\n</section>`;
    })
    .join('\n');
  const subtitle = report.subtitle ? `<p class="subtitle">${escapeHtml(report.subtitle)}</p>` : '';
  const footer = report.footer ? `<footer>${escapeHtml(report.footer)}</footer>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(report.title)}</h1>${subtitle}</header>
${nav}
${sections}
${footer}
</main>
</body>
</html>
`;
}
