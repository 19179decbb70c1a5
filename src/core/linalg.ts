/** Solves A x = b in place for a small dense n x n system (Gaussian elimination, partial pivoting). */
export function solve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const x = b.slice();
  const M = A.slice();
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]!) > Math.abs(M[piv * n + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        const t = M[c * n + k]!;
        M[c * n + k] = M[piv * n + k]!;
        M[piv * n + k] = t;
      }
      const t = x[c]!;
      x[c] = x[piv]!;
      x[piv] = t;
    }
    const d = M[c * n + c]!;
    if (d === 0) continue;
    for (let r = c + 1; r < n; r++) {
      const f = M[r * n + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) M[r * n + k]! -= f * M[c * n + k]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c]!;
    for (let k = c + 1; k < n; k++) s -= M[c * n + k]! * x[k]!;
    const d = M[c * n + c]!;
    x[c] = d === 0 ? 0 : s / d;
  }
  return x;
}
