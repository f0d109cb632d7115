/** Normal-incidence reflectance ((n1 − n2)/(n1 + n2))² (MCML's specular reflection for a pencil beam). */
export function specularReflectance(n1: number, n2: number): number {
  const r = (n1 - n2) / (n1 + n2);
  return r * r;
}
