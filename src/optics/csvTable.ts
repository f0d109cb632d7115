import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

/** A data table from data/optics/: one header row, comma separated, no quoting, no comments. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
}

const cache = new Map<string, CsvTable>();

export function readOpticsCsv(file: string): CsvTable {
  const cached = cache.get(file);
  if (cached) return cached;
  const path = dataPath('optics', file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`optics data file ${path} is missing (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0].split(',').map((h) => h.trim());
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== header.length) {
      throw new Error(`${file} line ${i + 2}: ${cells.length} cells, header has ${header.length}`);
    }
    return cells;
  });
  const table = { file, header, rows };
  cache.set(file, table);
  return table;
}

export function columnIndex(table: CsvTable, column: string): number {
  const i = table.header.indexOf(column);
  if (i < 0) throw new Error(`${table.file} has no column '${column}' (columns: ${table.header.join(', ')})`);
  return i;
}

/** Parses a numeric cell; `na` (not available) becomes NaN. */
export function numericCell(table: CsvTable, cell: string, column: string): number {
  if (cell === 'na') return Number.NaN;
  const value = Number(cell);
  if (cell === '' || !Number.isFinite(value)) throw new Error(`${table.file}: column '${column}' has a non-numeric cell '${cell}'`);
  return value;
}
