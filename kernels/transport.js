// nirwalk transport kernel: one photon packet per kernel thread, in gpu.js's kernel language.
// The same text runs on every backend (cpu, webasm, webgpu), so it keeps to the subset all of them
// accept: scalar locals only, no array writes, no helper functions, no assignment as expression.
//
// Physics follows MCML (Wang, Jacques & Zheng, Comput. Methods Programs Biomed. 47:131, 1995):
// dimensionless step carried across boundaries, absorption weighting at each interaction,
// Henyey-Greenstein scattering, unpolarised Fresnel reflection chosen stochastically at every
// interface with an index mismatch (total internal reflection included), Russian roulette.
//
// Arguments
//   layerZ[nLayers + 1]       depth of each layer's top surface, then the last layer's bottom (mm)
//   props[nWl * nLayers * 4]  per wavelength bin and layer: muaPerMm, musPerMm, g, n
//   wlCdf[nWl]                cumulative probability of each wavelength bin (last = 1)
//   streamKey[8]              run seed and the batch's first photon index (16-bit halves), read only by
//                             the generator each backend supplies for Math.random(): Philox4x32-10 keyed
//                             by (seed, global photon index), see src/engine/random/ and docs/random-streams.md
// Returns four numbers per photon; what they mean depends on constants.tallyMode:
//   0 exit record   [x, y, signedWeight, pathCode]  (x, y in the camera's image plane, mm)
//                   signedWeight > 0: left through the top; < 0: left through the bottom;
//                   pathCode >= 0: path length in tissue (mm); -1: stopped by the step cap (then
//                   signedWeight holds the weight it still carried); <= -2: left through the top
//                   outside the camera's acceptance cone, path length = -pathCode - 2.
//   1 fluence       [w*track length inside the slabs centred at tallyZ0..tallyZ3, half width tallyHalfMm]
//   2 absorption    [weight absorbed in layers layerOffset .. layerOffset+3] (roulette gains and
//                   losses counted where they happen, so the sum balances the photon exactly)
function transport(layerZ, props, wlCdf, streamKey) {
  const nL = this.constants.nLayers;
  const tallyMode = this.constants.tallyMode;

  let wl = 0;
  if (this.constants.nWl > 1) {
    const xiWl = Math.random();
    for (let i = 0; i < this.constants.nWl - 1; i++) {
      if (xiWl >= wlCdf[i]) {
        wl = i + 1;
      }
    }
  }

  let x = 0.0;
  let y = 0.0;
  let z = 0.0;
  let ux = 0.0;
  let uy = 0.0;
  let uz = 1.0;
  let w = 1.0;
  let layer = 0;
  if (this.constants.sourceType == 0) {
    // MCML: a clear (glass) first layer is crossed at launch; its reflections are in the specular term.
    w = this.constants.launchWeight;
    layer = this.constants.startLayer;
    z = layerZ[layer];
  } else {
    if (this.constants.sourceType == 1) {
      x = this.constants.sourceX;
      y = this.constants.sourceY;
      z = this.constants.sourceZ;
    }
    if (this.constants.sourceType == 3) {
      // Emitters spread uniformly in depth from sourceZ over sourceLength on the z-axis: by lateral
      // translation invariance this gives the image of a laterally uniform emitting layer.
      x = this.constants.sourceX;
      y = this.constants.sourceY;
      z = this.constants.sourceZ + Math.random() * this.constants.sourceLength;
    }
    if (this.constants.sourceType == 2) {
      const rr = this.constants.sourceRadius * Math.sqrt(Math.random());
      const phiR = 6.283185307179586 * Math.random();
      x = this.constants.sourceX + rr * Math.cos(phiR);
      y = (Math.random() - 0.5) * this.constants.sourceLength;
      z = this.constants.sourceZ + rr * Math.sin(phiR);
    }
    uz = 2.0 * Math.random() - 1.0;
    const sinT0 = Math.sqrt(1.0 - uz * uz);
    const phi0 = 6.283185307179586 * Math.random();
    ux = sinT0 * Math.cos(phi0);
    uy = sinT0 * Math.sin(phi0);
    for (let i = 1; i < nL; i++) {
      if (z >= layerZ[i]) {
        layer = i;
      }
    }
  }

  let base = (wl * nL + layer) * 4;
  let mua = props[base];
  let mus = props[base + 1];
  let g = props[base + 2];
  let nIn = props[base + 3];
  let mut = mua + mus;

  let sleft = 0.0;
  let path = 0.0;
  let alive = 1;
  let outcome = 0;
  let exitX = 0.0;
  let exitY = 0.0;
  let t0 = 0.0;
  let t1 = 0.0;
  let t2 = 0.0;
  let t3 = 0.0;

  for (let step = 0; step < this.constants.maxSteps; step++) {
    let s = 0.0;
    if (mut > 0.0) {
      if (sleft == 0.0) {
        s = -Math.log(1.0 - Math.random()) / mut;
      } else {
        s = sleft / mut;
        sleft = 0.0;
      }
    } else {
      s = 2.0e30;
    }
    let db = 1.0e30;
    if (uz > 0.0) {
      db = (layerZ[layer + 1] - z) / uz;
    }
    if (uz < 0.0) {
      db = (layerZ[layer] - z) / uz;
    }
    const hit = s > db;
    if (hit) {
      if (mut > 0.0) {
        sleft = (s - db) * mut;
      }
      s = db;
    }

    if (tallyMode == 1) {
      const za = z;
      const zb = z + uz * s;
      const zLo = Math.min(za, zb);
      const zHi = Math.max(za, zb);
      const dz = zHi - zLo;
      const h = this.constants.tallyHalfMm;
      const lo0 = Math.max(zLo, this.constants.tallyZ0 - h);
      const hi0 = Math.min(zHi, this.constants.tallyZ0 + h);
      const lo1 = Math.max(zLo, this.constants.tallyZ1 - h);
      const hi1 = Math.min(zHi, this.constants.tallyZ1 + h);
      const lo2 = Math.max(zLo, this.constants.tallyZ2 - h);
      const hi2 = Math.min(zHi, this.constants.tallyZ2 + h);
      const lo3 = Math.max(zLo, this.constants.tallyZ3 - h);
      const hi3 = Math.min(zHi, this.constants.tallyZ3 + h);
      if (dz > 0.0) {
        if (hi0 > lo0) {
          t0 += (w * s * (hi0 - lo0)) / dz;
        }
        if (hi1 > lo1) {
          t1 += (w * s * (hi1 - lo1)) / dz;
        }
        if (hi2 > lo2) {
          t2 += (w * s * (hi2 - lo2)) / dz;
        }
        if (hi3 > lo3) {
          t3 += (w * s * (hi3 - lo3)) / dz;
        }
      } else {
        if (hi0 >= lo0) {
          t0 += w * s;
        }
        if (hi1 >= lo1) {
          t1 += w * s;
        }
        if (hi2 >= lo2) {
          t2 += w * s;
        }
        if (hi3 >= lo3) {
          t3 += w * s;
        }
      }
    }

    x += ux * s;
    y += uy * s;
    z += uz * s;
    path += s;
    if (hit) {
      if (uz > 0.0) {
        z = layerZ[layer + 1];
      } else {
        z = layerZ[layer];
      }
    }

    if (hit) {
      let nOut = 1.0;
      let edge = 0;
      if (uz < 0.0) {
        if (layer == 0) {
          nOut = this.constants.nAbove;
          edge = 1;
        } else {
          nOut = props[(wl * nL + layer - 1) * 4 + 3];
        }
      } else {
        if (layer == nL - 1) {
          nOut = this.constants.nBelow;
          edge = 2;
        } else {
          nOut = props[(wl * nL + layer + 1) * 4 + 3];
        }
      }
      const ca1 = Math.abs(uz);
      let r = 0.0;
      let ca2 = ca1;
      if (nIn != nOut) {
        if (ca1 > 0.999999) {
          r = ((nOut - nIn) / (nOut + nIn)) * ((nOut - nIn) / (nOut + nIn));
          ca2 = 1.0;
        } else {
          if (ca1 < 1.0e-6) {
            r = 1.0;
          } else {
            const sa1 = Math.sqrt(1.0 - ca1 * ca1);
            const sa2 = (nIn * sa1) / nOut;
            if (sa2 >= 1.0) {
              r = 1.0;
            } else {
              ca2 = Math.sqrt(1.0 - sa2 * sa2);
              const cap = ca1 * ca2 - sa1 * sa2;
              const cam = ca1 * ca2 + sa1 * sa2;
              const sap = sa1 * ca2 + ca1 * sa2;
              const sam = sa1 * ca2 - ca1 * sa2;
              r = (0.5 * sam * sam * (cam * cam + cap * cap)) / (sap * sap * cam * cam);
            }
          }
        }
      }
      if (Math.random() >= r) {
        const ratio = nIn / nOut;
        if (edge == 1) {
          // Left through the top: the camera's acceptance and focal plane are judged in the ambient medium.
          const sinOut = Math.sqrt(ux * ux + uy * uy) * ratio;
          exitX = x - ((ux * ratio) / ca2) * this.constants.focusApparentMm;
          exitY = y - ((uy * ratio) / ca2) * this.constants.focusApparentMm;
          outcome = 1;
          if (sinOut > this.constants.sinAcceptance) {
            outcome = 3;
          }
          alive = 0;
        } else {
          if (edge == 2) {
            exitX = x;
            exitY = y;
            outcome = 2;
            alive = 0;
          } else {
            ux = ux * ratio;
            uy = uy * ratio;
            if (uz > 0.0) {
              layer = layer + 1;
              uz = ca2;
            } else {
              layer = layer - 1;
              uz = -ca2;
            }
            base = (wl * nL + layer) * 4;
            mua = props[base];
            mus = props[base + 1];
            g = props[base + 2];
            nIn = props[base + 3];
            mut = mua + mus;
          }
        }
      } else {
        uz = -uz;
      }
    } else {
      const dw = (w * mua) / mut;
      w -= dw;
      if (tallyMode == 2) {
        const slot = layer - this.constants.layerOffset;
        if (slot == 0) {
          t0 += dw;
        }
        if (slot == 1) {
          t1 += dw;
        }
        if (slot == 2) {
          t2 += dw;
        }
        if (slot == 3) {
          t3 += dw;
        }
      }
      const xiTheta = Math.random();
      let cost = 2.0 * xiTheta - 1.0;
      if (g != 0.0) {
        const tmp = (1.0 - g * g) / (1.0 - g + 2.0 * g * xiTheta);
        cost = (1.0 + g * g - tmp * tmp) / (2.0 * g);
        if (cost < -1.0) {
          cost = -1.0;
        }
        if (cost > 1.0) {
          cost = 1.0;
        }
      }
      const sint = Math.sqrt(1.0 - cost * cost);
      // Uniform azimuth from a point drawn uniformly in the unit disc: no trigonometric calls.
      let da = 1.0;
      let dbb = 0.0;
      let dr2 = 1.0;
      for (let k = 0; k < 64; k++) {
        da = 2.0 * Math.random() - 1.0;
        dbb = 2.0 * Math.random() - 1.0;
        dr2 = da * da + dbb * dbb;
        if (dr2 <= 1.0 && dr2 > 1.0e-12) {
          break;
        }
      }
      const cosp = (da * da - dbb * dbb) / dr2;
      const sinp = (2.0 * da * dbb) / dr2;
      if (Math.abs(uz) > 0.99999) {
        ux = sint * cosp;
        uy = sint * sinp;
        if (uz >= 0.0) {
          uz = cost;
        } else {
          uz = -cost;
        }
      } else {
        const tmpz = Math.sqrt(1.0 - uz * uz);
        const nux = (sint * (ux * uz * cosp - uy * sinp)) / tmpz + ux * cost;
        const nuy = (sint * (uy * uz * cosp + ux * sinp)) / tmpz + uy * cost;
        uz = -sint * cosp * tmpz + uz * cost;
        ux = nux;
        uy = nuy;
      }
    }

    if (alive == 1) {
      if (w < this.constants.weightThreshold) {
        let change = 0.0;
        if (Math.random() < this.constants.rouletteChance) {
          change = w - w / this.constants.rouletteChance;
          w = w / this.constants.rouletteChance;
        } else {
          change = w;
          w = 0.0;
          alive = 0;
        }
        if (tallyMode == 2) {
          const rslot = layer - this.constants.layerOffset;
          if (rslot == 0) {
            t0 += change;
          }
          if (rslot == 1) {
            t1 += change;
          }
          if (rslot == 2) {
            t2 += change;
          }
          if (rslot == 3) {
            t3 += change;
          }
        }
      }
    }
    if (alive == 0) {
      break;
    }
  }

  if (tallyMode != 0) {
    return [t0, t1, t2, t3];
  }
  if (alive == 1) {
    return [x, y, w, -1.0];
  }
  if (outcome == 1) {
    return [exitX, exitY, w, path];
  }
  if (outcome == 3) {
    return [exitX, exitY, w, -2.0 - path];
  }
  if (outcome == 2) {
    return [exitX, exitY, -w, path];
  }
  return [x, y, 0.0, path];
}
