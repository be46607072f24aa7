// Checks that a built addon is self-contained: no OpenBLAS or Fortran runtime among the shared
// libraries it needs, and no BLAS symbols in its dynamic symbol table. An exported BLAS symbol
// could interpose on, or be interposed by, another BLAS loaded into the same process (NumPy
// through a Python bridge, another addon), and the two copies' thread pools would clash.
// Uses readelf and nm from binutils.
import { execFileSync } from 'node:child_process';

/** Shared libraries a prebuild must not need: the user's machine may not have them. */
const FORBIDDEN_NEEDED = /openblas|libblas|liblapack|gfortran|quadmath/i;

/** Symbols of OpenBLAS, GotoBLAS and the reference BLAS and LAPACK interfaces. */
const BLAS_PREFIX = /^(cblas_|openblas_|gotoblas|goto_|blas_|exec_blas|xerbla|lapack)/i;
const BLAS_ROUTINE =
  /^[sdcz](gemm|gemv|axpy|dot|scal|copy|swap|nrm2|asum|ger|trsm|trmm|symm|syrk)_?$/i;

/** Returns the DT_NEEDED entries of an ELF file. */
export function neededLibraries(file) {
  const dynamic = execFileSync('readelf', ['-d', file], { encoding: 'utf8' });
  return [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
}

/** Returns the names of the symbols an ELF file defines in its dynamic symbol table. */
export function exportedSymbols(file) {
  const table = execFileSync('nm', ['-D', '--defined-only', file], { encoding: 'utf8' });
  return table
    .split('\n')
    .map((line) => line.trim().split(/\s+/).pop() ?? '')
    .filter((name) => name !== '');
}

/** Lists what makes an addon depend on a system BLAS; an empty list means it is self-contained. */
export function checkPrebuild(file) {
  const problems = [];
  for (const library of neededLibraries(file)) {
    if (FORBIDDEN_NEEDED.test(library)) problems.push(`needs the shared library ${library}`);
  }
  for (const symbol of exportedSymbols(file)) {
    if (BLAS_PREFIX.test(symbol) || BLAS_ROUTINE.test(symbol)) {
      problems.push(`exports the BLAS symbol ${symbol}`);
    }
  }
  return problems;
}
