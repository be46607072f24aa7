// Picks the kernel table of the best SIMD level this CPU supports.
#pragma once

#include "kernels/table.h"

namespace nnfs {

// The table of the named level ("scalar", "avx2", "avx512"), or null when the name is unknown
// or the CPU (and the OS, for the wider registers) cannot run it.
const KernelTable* TableForLevel(const char* name);

// The table of the best supported level, lowered by NNFS_SIMD when that names a supported one.
const KernelTable* DefaultTable();

// The table the calling JS thread uses. Each thread (main or worker) starts with DefaultTable().
const KernelTable* ActiveTable();
void SetActiveTable(const KernelTable* table);

}  // namespace nnfs
