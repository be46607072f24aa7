// Vector types for one SIMD level. The build compiles each kernel source once per level with
// NNFS_LEVEL naming the namespace and NNFS_LANES the float lanes of one register (1 for the
// scalar baseline, 8 for AVX2, 16 for AVX-512); GCC's vector extensions lower the same code to
// each instruction set.
//
// Every helper here is static inline inside the level's namespace, and kernel sources use no
// std:: templates: an inline function emitted in the AVX-512 objects and merged by the linker
// would otherwise run on a CPU without AVX-512.
#pragma once

#include <cstddef>
#include <cstdint>

#ifndef NNFS_LEVEL
#error "NNFS_LEVEL must name the SIMD level (scalar, avx2 or avx512)"
#endif
#ifndef NNFS_LANES
#error "NNFS_LANES must give the float lanes of one vector"
#endif

#define NNFS_INLINE static inline __attribute__((always_inline))

namespace nnfs {
namespace NNFS_LEVEL {

constexpr size_t kLanes = NNFS_LANES;

typedef float VecF __attribute__((vector_size(kLanes * sizeof(float))));
typedef int32_t VecI __attribute__((vector_size(kLanes * sizeof(int32_t))));
typedef double VecD __attribute__((vector_size(kLanes * sizeof(double))));
typedef int64_t VecL __attribute__((vector_size(kLanes * sizeof(int64_t))));

// Eight float lanes whatever the level: NumPy's pairwise sum keeps exactly eight partial sums.
typedef float Vec8F __attribute__((vector_size(8 * sizeof(float))));

template <typename V, typename T>
NNFS_INLINE V Load(const T* from) {
  V v;
  __builtin_memcpy(&v, from, sizeof v);
  return v;
}

template <typename V, typename T>
NNFS_INLINE void Store(T* to, V v) {
  __builtin_memcpy(to, &v, sizeof v);
}

NNFS_INLINE VecF Splat(float value) { return VecF{} + value; }

}  // namespace NNFS_LEVEL
}  // namespace nnfs
