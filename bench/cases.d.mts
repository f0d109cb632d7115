export interface BenchLayer { name: string; thicknessMm: number | null; muaPerMm: number; musPerMm: number; g: number; n: number }
export const CASES: Record<'a' | 'b' | 'c', { label: string; layers: BenchLayer[] }>;
export const MCML_ONE_CORE: Record<'a' | 'b' | 'c', number>;
