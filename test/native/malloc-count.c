// An LD_PRELOAD library that counts heap calls made directly by the addon or by OpenBLAS.
//
// It replaces malloc, calloc, realloc, free, posix_memalign, aligned_alloc, memalign and the
// C++ operator new and delete. Each replacement forwards to glibc's __libc_* entry points, so
// there is no dlsym bootstrap, and counts the call only when its return address lies in an
// executable segment of a watched object: one whose path contains "nnfs" or "openblas".
// NOTE: only direct calls count. Memory that another library (Node-API, libc's strdup, V8)
// allocates on the addon's behalf has a caller outside the watched objects.
//
// Node loads the library a second time with process.dlopen (the same handle), and it then
// exports three functions through Node-API, declared here by hand so no headers are needed:
//   start()   zeroes the counts, finds the watched objects with dl_iterate_phdr and counts
//   counts()  returns { allocations, frees } since the last start()
//   objects() returns the paths of the watched objects found by the last start()
//   callers() returns up to 16 distinct call sites seen so far, as "object+offset"
// Counting starts only at start(), after the addon has loaded, so the hooks never walk the
// list of loaded objects and never allocate.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

extern void* __libc_malloc(size_t size);
extern void* __libc_calloc(size_t count, size_t size);
extern void* __libc_realloc(void* pointer, size_t size);
extern void __libc_free(void* pointer);
extern void* __libc_memalign(size_t alignment, size_t size);

// ---- Watched address ranges ----

#define MAX_RANGES 64
#define MAX_CALLERS 16

struct range {
  uintptr_t begin;
  uintptr_t end;
};

static struct range ranges[MAX_RANGES];
static int range_count;
// Paths of the watched objects, owned by the dynamic loader and valid while they stay loaded.
static const char* objects[MAX_RANGES];
static int object_count;
static int counting;
static uint64_t allocations;
static uint64_t frees;
static uintptr_t callers[MAX_CALLERS];
static int caller_count;

static int is_watched(const char* path) {
  return path != NULL && (strstr(path, "nnfs") != NULL || strstr(path, "openblas") != NULL);
}

static int add_object_ranges(struct dl_phdr_info* info, size_t size, void* unused) {
  (void)size;
  (void)unused;
  if (!is_watched(info->dlpi_name)) return 0;
  if (object_count < MAX_RANGES) objects[object_count++] = info->dlpi_name;
  for (int h = 0; h < info->dlpi_phnum && range_count < MAX_RANGES; h++) {
    const ElfW(Phdr)* header = &info->dlpi_phdr[h];
    if (header->p_type != PT_LOAD || (header->p_flags & PF_X) == 0) continue;
    uintptr_t begin = info->dlpi_addr + header->p_vaddr;
    ranges[range_count].begin = begin;
    ranges[range_count].end = begin + header->p_memsz;
    range_count++;
  }
  return 0;
}

// Records a call site in a fixed table, because the hooks must not allocate while they count.
static void remember_caller(uintptr_t caller) {
  int known = __atomic_load_n(&caller_count, __ATOMIC_ACQUIRE);
  for (int c = 0; c < known; c++) {
    if (callers[c] == caller) return;
  }
  int slot = __atomic_fetch_add(&caller_count, 1, __ATOMIC_ACQ_REL);
  if (slot < MAX_CALLERS) {
    callers[slot] = caller;
  } else {
    __atomic_store_n(&caller_count, MAX_CALLERS, __ATOMIC_RELEASE);
  }
}

static int from_watched(void* return_address) {
  if (!__atomic_load_n(&counting, __ATOMIC_ACQUIRE)) return 0;
  uintptr_t caller = (uintptr_t)return_address;
  for (int r = 0; r < range_count; r++) {
    if (caller >= ranges[r].begin && caller < ranges[r].end) {
      remember_caller(caller);
      return 1;
    }
  }
  return 0;
}

static void count_allocation(void* return_address) {
  if (from_watched(return_address)) __atomic_fetch_add(&allocations, 1, __ATOMIC_RELAXED);
}

static void count_free(void* pointer, void* return_address) {
  if (pointer != NULL && from_watched(return_address)) {
    __atomic_fetch_add(&frees, 1, __ATOMIC_RELAXED);
  }
}

// ---- C allocator ----

void* malloc(size_t size) {
  count_allocation(__builtin_return_address(0));
  return __libc_malloc(size);
}

void* calloc(size_t count, size_t size) {
  count_allocation(__builtin_return_address(0));
  return __libc_calloc(count, size);
}

void* realloc(void* pointer, size_t size) {
  count_allocation(__builtin_return_address(0));
  return __libc_realloc(pointer, size);
}

void free(void* pointer) {
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

void* memalign(size_t alignment, size_t size) {
  count_allocation(__builtin_return_address(0));
  return __libc_memalign(alignment, size);
}

void* aligned_alloc(size_t alignment, size_t size) {
  count_allocation(__builtin_return_address(0));
  return __libc_memalign(alignment, size);
}

int posix_memalign(void** result, size_t alignment, size_t size) {
  count_allocation(__builtin_return_address(0));
  if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0) return EINVAL;
  void* pointer = __libc_memalign(alignment, size);
  if (pointer == NULL) return ENOMEM;
  *result = pointer;
  return 0;
}

// ---- C++ operator new and delete (Itanium ABI names, 64-bit size_t) ----
// NOTE: on failure these return NULL where the real operator new throws std::bad_alloc. The
// test's child process needs far less memory than the machine has, so it does not handle this.

void* _Znwm(size_t size) {
  count_allocation(__builtin_return_address(0));
  return __libc_malloc(size);
}

void* _Znam(size_t size) {
  count_allocation(__builtin_return_address(0));
  return __libc_malloc(size);
}

void* _ZnwmRKSt9nothrow_t(size_t size, const void* tag) {
  (void)tag;
  count_allocation(__builtin_return_address(0));
  return __libc_malloc(size);
}

void* _ZnamRKSt9nothrow_t(size_t size, const void* tag) {
  (void)tag;
  count_allocation(__builtin_return_address(0));
  return __libc_malloc(size);
}

void* _ZnwmSt11align_val_t(size_t size, size_t alignment) {
  count_allocation(__builtin_return_address(0));
  return __libc_memalign(alignment, size);
}

void* _ZnamSt11align_val_t(size_t size, size_t alignment) {
  count_allocation(__builtin_return_address(0));
  return __libc_memalign(alignment, size);
}

void _ZdlPv(void* pointer) {
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

void _ZdaPv(void* pointer) {
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

void _ZdlPvm(void* pointer, size_t size) {
  (void)size;
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

void _ZdaPvm(void* pointer, size_t size) {
  (void)size;
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

void _ZdlPvSt11align_val_t(void* pointer, size_t alignment) {
  (void)alignment;
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

void _ZdaPvSt11align_val_t(void* pointer, size_t alignment) {
  (void)alignment;
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

void _ZdlPvmSt11align_val_t(void* pointer, size_t size, size_t alignment) {
  (void)size;
  (void)alignment;
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

void _ZdaPvmSt11align_val_t(void* pointer, size_t size, size_t alignment) {
  (void)size;
  (void)alignment;
  count_free(pointer, __builtin_return_address(0));
  __libc_free(pointer);
}

// ---- Node-API surface ----
// The few Node-API calls used here, with their stable C signatures from node_api.h. The node
// executable exports them, so the symbols resolve when Node calls napi_register_module_v1.

typedef struct napi_env__* napi_env;
typedef struct napi_value__* napi_value;
typedef struct napi_callback_info__* napi_callback_info;
typedef int napi_status;
typedef napi_value (*napi_callback)(napi_env env, napi_callback_info info);

extern napi_status napi_create_function(napi_env env, const char* name, size_t length,
                                        napi_callback callback, void* data, napi_value* result);
extern napi_status napi_set_named_property(napi_env env, napi_value object, const char* name,
                                           napi_value value);
extern napi_status napi_create_object(napi_env env, napi_value* result);
extern napi_status napi_create_double(napi_env env, double value, napi_value* result);
extern napi_status napi_create_string_utf8(napi_env env, const char* text, size_t length,
                                           napi_value* result);
extern napi_status napi_create_array_with_length(napi_env env, size_t length,
                                                 napi_value* result);
extern napi_status napi_set_element(napi_env env, napi_value object, uint32_t index,
                                    napi_value value);

#define NAPI_AUTO_LENGTH SIZE_MAX

static napi_value number(napi_env env, double value) {
  napi_value result = NULL;
  napi_create_double(env, value, &result);
  return result;
}

// Zeroes the counts and call sites and rereads the watched objects. Returns the number of
// watched executable segments, so the caller can tell an empty watch list from a clean run.
static napi_value start(napi_env env, napi_callback_info info) {
  (void)info;
  __atomic_store_n(&counting, 0, __ATOMIC_RELEASE);
  range_count = 0;
  object_count = 0;
  __atomic_store_n(&allocations, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&frees, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&caller_count, 0, __ATOMIC_RELEASE);
  dl_iterate_phdr(add_object_ranges, NULL);
  __atomic_store_n(&counting, 1, __ATOMIC_RELEASE);
  return number(env, range_count);
}

static napi_value counts(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result = NULL;
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "allocations",
                          number(env, (double)__atomic_load_n(&allocations, __ATOMIC_RELAXED)));
  napi_set_named_property(env, result, "frees",
                          number(env, (double)__atomic_load_n(&frees, __ATOMIC_RELAXED)));
  return result;
}

// Names each recorded call site as "object+offset". dladdr reads only exported symbols, and the
// addon hides most of its own, so `addr2line -f -C -e object offset` names the function.
static napi_value list_callers(napi_env env, napi_callback_info info) {
  (void)info;
  int known = __atomic_load_n(&caller_count, __ATOMIC_ACQUIRE);
  if (known > MAX_CALLERS) known = MAX_CALLERS;
  napi_value result = NULL;
  napi_create_array_with_length(env, (size_t)known, &result);
  for (int c = 0; c < known; c++) {
    char text[512];
    Dl_info where;
    if (dladdr((void*)callers[c], &where) != 0 && where.dli_fname != NULL) {
      snprintf(text, sizeof text, "%s+0x%lx", where.dli_fname,
               (unsigned long)(callers[c] - (uintptr_t)where.dli_fbase));
    } else {
      snprintf(text, sizeof text, "0x%lx", (unsigned long)callers[c]);
    }
    napi_value line = NULL;
    napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &line);
    napi_set_element(env, result, (uint32_t)c, line);
  }
  return result;
}

static napi_value list_objects(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result = NULL;
  napi_create_array_with_length(env, (size_t)object_count, &result);
  for (int o = 0; o < object_count; o++) {
    napi_value path = NULL;
    napi_create_string_utf8(env, objects[o], NAPI_AUTO_LENGTH, &path);
    napi_set_element(env, result, (uint32_t)o, path);
  }
  return result;
}

static void export_function(napi_env env, napi_value exports, const char* name,
                            napi_callback callback) {
  napi_value function = NULL;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, callback, NULL, &function);
  napi_set_named_property(env, exports, name, function);
}

__attribute__((visibility("default"))) napi_value napi_register_module_v1(napi_env env,
                                                                         napi_value exports) {
  export_function(env, exports, "start", start);
  export_function(env, exports, "counts", counts);
  export_function(env, exports, "objects", list_objects);
  export_function(env, exports, "callers", list_callers);
  return exports;
}
