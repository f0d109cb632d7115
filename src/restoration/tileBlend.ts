import { createImage, type FloatImage } from '../image/floatImage.js';

export interface TileGrid {
  /** Tile boundaries in pixels: tile i spans xEdges[i] .. xEdges[i+1] - 1. */
  xEdges: number[];
  yEdges: number[];
}

/** Splits width x height into near-equal tiles of about tilePx on a side (at least one tile per axis). */
export function makeTileGrid(width: number, height: number, tilePx: number): TileGrid {
  const edges = (n: number) => {
    const count = Math.max(1, Math.round(n / tilePx));
    return Array.from({ length: count + 1 }, (_, i) => Math.round((i * n) / count));
  };
  return { xEdges: edges(width), yEdges: edges(height) };
}

/**
 * Combines per-tile choices into one image: tile (i, j) (row-major, i across) shows images[choice[j * nx + i]],
 * and between tile centres the images are mixed with bilinear weights, so there are no seams.
 */
export function blendTiles(grid: TileGrid, choice: number[], images: FloatImage[]): FloatImage {
  const { width, height } = images[0];
  const nx = grid.xEdges.length - 1;
  const ny = grid.yEdges.length - 1;
  const cx = Array.from({ length: nx }, (_, i) => (grid.xEdges[i] + grid.xEdges[i + 1] - 1) / 2);
  const cy = Array.from({ length: ny }, (_, j) => (grid.yEdges[j] + grid.yEdges[j + 1] - 1) / 2);
  const bracket = (centres: number[], v: number): [number, number, number] => {
    if (centres.length === 1 || v <= centres[0]) return [0, 0, 0];
    const last = centres.length - 1;
    if (v >= centres[last]) return [last, last, 0];
    let i = 0;
    while (centres[i + 1] < v) i++;
    return [i, i + 1, (v - centres[i]) / (centres[i + 1] - centres[i])];
  };
  const out = createImage(width, height);
  for (let y = 0; y < height; y++) {
    const [j0, j1, ty] = bracket(cy, y);
    for (let x = 0; x < width; x++) {
      const [i0, i1, tx] = bracket(cx, x);
      const p = y * width + x;
      out.data[p] =
        (1 - ty) * ((1 - tx) * images[choice[j0 * nx + i0]].data[p] + tx * images[choice[j0 * nx + i1]].data[p]) +
        ty * ((1 - tx) * images[choice[j1 * nx + i0]].data[p] + tx * images[choice[j1 * nx + i1]].data[p]);
    }
  }
  return out;
}
