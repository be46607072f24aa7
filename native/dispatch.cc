// CPU feature detection and the per-thread choice of kernel table.
//
// The choice is thread_local rather than global because each worker thread that loads the
// addon is its own JS context, and setSimdLevel in one must not change another.
#include "dispatch.h"

#include <stdlib.h>
#include <string.h>

namespace nnfs {

namespace {

bool SupportsAvx2() {
#if defined(__x86_64__) || defined(__i386__)
  // GCC's runtime check reads CPUID and also XGETBV, so it fails when the OS does not save
  // the YMM registers.
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return false;
#endif
}

bool SupportsAvx512() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
         SupportsAvx2();
#else
  return false;
#endif
}

const KernelTable* BestTable() {
  if (SupportsAvx512()) return avx512::Table();
  if (SupportsAvx2()) return avx2::Table();
  return scalar::Table();
}

thread_local const KernelTable* active_table = nullptr;

}  // namespace

const KernelTable* TableForLevel(const char* name) {
  if (strcmp(name, "scalar") == 0) return scalar::Table();
  if (strcmp(name, "avx2") == 0) return SupportsAvx2() ? avx2::Table() : nullptr;
  if (strcmp(name, "avx512") == 0) return SupportsAvx512() ? avx512::Table() : nullptr;
  return nullptr;
}

const KernelTable* DefaultTable() {
  // NOTE: an NNFS_SIMD value that is unknown or unsupported here is ignored, so a setting made
  // for one machine does not stop the addon from loading on another.
  const char* requested = getenv("NNFS_SIMD");
  if (requested != nullptr && requested[0] != '\0') {
    const KernelTable* table = TableForLevel(requested);
    if (table != nullptr) return table;
  }
  return BestTable();
}

const KernelTable* ActiveTable() {
  if (active_table == nullptr) active_table = DefaultTable();
  return active_table;
}

void SetActiveTable(const KernelTable* table) { active_table = table; }

}  // namespace nnfs
