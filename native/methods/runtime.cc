// Node-API entry points that control and report the runtime: OpenBLAS threads, the SIMD level
// and a summary of both.
#include <cblas.h>
#include <string.h>

#include "args.h"
#include "dispatch.h"
#include "gemm.h"
#include "methods/methods.h"

namespace nnfs {

// setNumThreads(n): the most threads a large product may use.
napi_value SetNumThreads(napi_env env, napi_callback_info info) {
  Args args;
  size_t threads;
  if (!ReadArgs(env, info, "setNumThreads", 1, &args) || !GetDim(args, 0, "n", &threads)) {
    return nullptr;
  }
  if (threads < 1 || threads > 1024) {
    NNFS_RANGE_ERROR(args, "n must be an integer in [1, 1024], got %zu", threads);
    return nullptr;
  }
  SetMaxThreads(static_cast<int>(threads));
  return nullptr;
}

napi_value GetNumThreads(napi_env env, napi_callback_info info) {
  napi_value result;
  napi_create_int32(env, MaxThreads(), &result);
  return result;
}

// setSimdLevel(name): switches this thread's kernels to "scalar", "avx2" or "avx512".
napi_value SetSimdLevel(napi_env env, napi_callback_info info) {
  Args args;
  char name[16];
  if (!ReadArgs(env, info, "setSimdLevel", 1, &args) ||
      !GetString(args, 0, "level", name, sizeof name)) {
    return nullptr;
  }
  const KernelTable* table = TableForLevel(name);
  if (table == nullptr) {
    NNFS_RANGE_ERROR(args, "level must be one of the levels this CPU supports (%s), got \"%s\"",
                     TableForLevel("avx512") != nullptr ? "scalar, avx2, avx512"
                     : TableForLevel("avx2") != nullptr ? "scalar, avx2"
                                                        : "scalar",
                     name);
    return nullptr;
  }
  SetActiveTable(table);
  return nullptr;
}

napi_value GetSimdLevel(napi_env env, napi_callback_info info) {
  napi_value result;
  napi_create_string_utf8(env, ActiveTable()->name, NAPI_AUTO_LENGTH, &result);
  return result;
}

// simdLevels(): the levels this CPU supports, lowest first.
napi_value SimdLevels(napi_env env, napi_callback_info info) {
  napi_value result;
  napi_create_array(env, &result);
  static const char* const kLevels[] = {"scalar", "avx2", "avx512"};
  uint32_t count = 0;
  for (const char* level : kLevels) {
    if (TableForLevel(level) == nullptr) continue;
    napi_value name;
    napi_create_string_utf8(env, level, NAPI_AUTO_LENGTH, &name);
    napi_set_element(env, result, count++, name);
  }
  return result;
}

// info(): { openblasVersion, openblasCore, simd, threads }.
napi_value Info(napi_env env, napi_callback_info info) {
  // openblas_get_config() reads like "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell ...".
  char version[32] = "unknown";
  const char* config = openblas_get_config();
  if (config != nullptr && strncmp(config, "OpenBLAS ", 9) == 0) {
    size_t length = strcspn(config + 9, " ");
    if (length >= sizeof version) length = sizeof version - 1;
    memcpy(version, config + 9, length);
    version[length] = '\0';
  }
  const char* core = openblas_get_corename();

  napi_value result, value;
  napi_create_object(env, &result);
  napi_create_string_utf8(env, version, NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, result, "openblasVersion", value);
  napi_create_string_utf8(env, core != nullptr ? core : "unknown", NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, result, "openblasCore", value);
  napi_create_string_utf8(env, ActiveTable()->name, NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, result, "simd", value);
  napi_create_int32(env, MaxThreads(), &value);
  napi_set_named_property(env, result, "threads", value);
  return result;
}

}  // namespace nnfs
