// exp in double precision on a vector of doubles, for a float32 exp rounded once. The error
// stays below 1 ulp of double, so rounding the result to float32 gives the correctly rounded
// float exp except where the exact value lies within that ulp of a float rounding midpoint.
//
// Method: x = n ln2 + r with |r| <= ln2 / 2, exp(r) by its Taylor polynomial to degree 13
// (the next term is below 2^-55 there), then the result is scaled by 2^n through the exponent
// bits. Inputs are clamped to [-200, 100] first: every float input below -200 gives float 0
// and every one above 100 gives float +Inf, as the unclamped exp would.
#pragma once

#include "kernels/vec.h"

namespace nnfs {
namespace NNFS_LEVEL {

// The body of ExpDouble on a vector of doubles D whose lanes are the int64 vector L.
template <typename D, typename L>
NNFS_INLINE D ExpDoubleOf(D x) {
  const D low = D{} - 200.0;
  const D high = D{} + 100.0;
  // NaN compares false both times and passes through to the polynomial, which keeps it NaN.
  x = x < low ? low : x;
  x = x > high ? high : x;

  // Adding 1.5 * 2^52 rounds x / ln2 to an integer in the low mantissa bits without a float to
  // int conversion, which AVX2 lacks for 64-bit lanes.
  const double shifter = 6755399441055744.0;
  D shifted = x * 1.4426950408889634 + shifter;
  D n = shifted - shifter;

  // ln2 split in two: the high part has 21 trailing zero bits, so n * high is exact.
  const double ln2_high = 0.6931471803691238;
  const double ln2_low = 1.9082149292705877e-10;
  D r = (x - n * ln2_high) - n * ln2_low;

  D p = D{} + 1.0 / 6227020800.0;  // 1/13!
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;

  L shifted_bits;
  __builtin_memcpy(&shifted_bits, &shifted, sizeof shifted_bits);
  const L shifter_bits = L{} + 0x4338000000000000LL;
  L scale_bits = ((shifted_bits - shifter_bits) + 1023) << 52;
  D scale;
  __builtin_memcpy(&scale, &scale_bits, sizeof scale);
  return p * scale;
}

NNFS_INLINE VecD ExpDouble(VecD x) {
  if constexpr (kLanes == 1) {
    return ExpDoubleOf<VecD, VecL>(x);
  } else {
    // A VecD is twice as wide as a register of doubles (8 doubles under AVX2), and GCC 12
    // lowered its clamping selects to scalar code, so the two halves go through the same
    // operations one register at a time. Each lane computes the same values either way.
    // The scalar level (one lane) never takes this branch, but it still has to compile.
    constexpr size_t kHalfLanes = kLanes > 1 ? kLanes / 2 : 1;
    typedef double Half __attribute__((vector_size(kHalfLanes * sizeof(double))));
    typedef int64_t HalfBits __attribute__((vector_size(kHalfLanes * sizeof(int64_t))));
    Half parts[2];
    __builtin_memcpy(parts, &x, sizeof x);
    parts[0] = ExpDoubleOf<Half, HalfBits>(parts[0]);
    parts[1] = ExpDoubleOf<Half, HalfBits>(parts[1]);
    VecD result;
    __builtin_memcpy(&result, parts, sizeof result);
    return result;
  }
}

}  // namespace NNFS_LEVEL
}  // namespace nnfs
