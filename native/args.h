// Argument checks at the Node-API boundary. The TypeScript facade validates first; these checks
// run again because a wrong length here would read or write out of bounds. Each failed check
// throws a JS TypeError (wrong type) or RangeError (wrong length or value) whose message names
// the kernel and the argument, then returns false so the caller can return at once.
#pragma once

#include <node_api.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include <cmath>
#include <cstddef>

namespace nnfs {

// The arguments of one kernel call.
struct Args {
  napi_env env;
  const char* kernel;
  size_t count;
  napi_value values[12];
};

inline void ThrowFormatted(napi_env env, bool type_error, const char* kernel, const char* format,
                           ...) {
  char detail[256];
  va_list list;
  va_start(list, format);
  vsnprintf(detail, sizeof detail, format, list);
  va_end(list);

  char message[320];
  snprintf(message, sizeof message, "%s: %s", kernel, detail);
  if (type_error) {
    napi_throw_type_error(env, nullptr, message);
  } else {
    napi_throw_range_error(env, nullptr, message);
  }
}

#define NNFS_TYPE_ERROR(args, ...) ThrowFormatted((args).env, true, (args).kernel, __VA_ARGS__)
#define NNFS_RANGE_ERROR(args, ...) ThrowFormatted((args).env, false, (args).kernel, __VA_ARGS__)

inline const char* TypedArrayName(napi_typedarray_type type) {
  switch (type) {
    case napi_int8_array: return "Int8Array";
    case napi_uint8_array: return "Uint8Array";
    case napi_uint8_clamped_array: return "Uint8ClampedArray";
    case napi_int16_array: return "Int16Array";
    case napi_uint16_array: return "Uint16Array";
    case napi_int32_array: return "Int32Array";
    case napi_uint32_array: return "Uint32Array";
    case napi_float32_array: return "Float32Array";
    case napi_float64_array: return "Float64Array";
    case napi_bigint64_array: return "BigInt64Array";
    case napi_biguint64_array: return "BigUint64Array";
    default: return "typed array";
  }
}

// Describes a value for a message the way lib/errors.ts does: "number 3", "Int32Array of
// length 4", "null".
inline void Describe(napi_env env, napi_value value, char* out, size_t size) {
  napi_valuetype type = napi_undefined;
  napi_typeof(env, value, &type);
  switch (type) {
    case napi_undefined: snprintf(out, size, "undefined"); return;
    case napi_null: snprintf(out, size, "null"); return;
    case napi_boolean: {
      bool flag = false;
      napi_get_value_bool(env, value, &flag);
      snprintf(out, size, "boolean %s", flag ? "true" : "false");
      return;
    }
    case napi_number: {
      double number = 0;
      napi_get_value_double(env, value, &number);
      snprintf(out, size, "number %g", number);
      return;
    }
    case napi_string: snprintf(out, size, "a string"); return;
    case napi_object: break;
    default: snprintf(out, size, "a value of another type"); return;
  }

  bool is_typed = false;
  napi_is_typedarray(env, value, &is_typed);
  if (is_typed) {
    napi_typedarray_type array_type;
    size_t length = 0;
    napi_get_typedarray_info(env, value, &array_type, &length, nullptr, nullptr, nullptr);
    snprintf(out, size, "%s of length %zu", TypedArrayName(array_type), length);
    return;
  }
  bool is_array = false;
  napi_is_array(env, value, &is_array);
  if (is_array) {
    uint32_t length = 0;
    napi_get_array_length(env, value, &length);
    snprintf(out, size, "an array of length %u", length);
    return;
  }
  snprintf(out, size, "an object");
}

// Reads the call's arguments; fewer than `expected` is a TypeError.
inline bool ReadArgs(napi_env env, napi_callback_info info, const char* kernel, size_t expected,
                     Args* args) {
  args->env = env;
  args->kernel = kernel;
  args->count = sizeof args->values / sizeof args->values[0];
  napi_get_cb_info(env, info, &args->count, args->values, nullptr, nullptr);
  if (args->count < expected) {
    NNFS_TYPE_ERROR(*args, "expected %zu arguments, got %zu", expected, args->count);
    return false;
  }
  return true;
}

inline bool IsNull(const Args& args, size_t index) {
  napi_valuetype type = napi_undefined;
  napi_typeof(args.env, args.values[index], &type);
  return type == napi_null;
}

// Reads a typed array of the wanted type. `data` points at the view's first element (Node-API
// applies the byte offset). With `nullable`, null gives data = nullptr.
inline bool GetTypedArray(const Args& args, size_t index, const char* name,
                          napi_typedarray_type wanted, bool nullable, void** data,
                          size_t* length) {
  napi_value value = args.values[index];
  if (nullable && IsNull(args, index)) {
    *data = nullptr;
    *length = 0;
    return true;
  }

  bool is_typed = false;
  napi_is_typedarray(args.env, value, &is_typed);
  napi_typedarray_type type = napi_int8_array;
  napi_value buffer = nullptr;
  if (is_typed) {
    napi_get_typedarray_info(args.env, value, &type, length, data, &buffer, nullptr);
  }
  if (!is_typed || type != wanted) {
    char got[96];
    Describe(args.env, value, got, sizeof got);
    NNFS_TYPE_ERROR(args, "%s must be a %s%s, got %s", name, TypedArrayName(wanted),
                    nullable ? " or null" : "", got);
    return false;
  }

  bool detached = false;
  napi_is_detached_arraybuffer(args.env, buffer, &detached);
  if (detached) {
    NNFS_TYPE_ERROR(args, "%s is backed by a detached ArrayBuffer", name);
    return false;
  }
  return true;
}

inline bool GetFloat32(const Args& args, size_t index, const char* name, float** data,
                       size_t* length, bool nullable = false) {
  void* raw = nullptr;
  if (!GetTypedArray(args, index, name, napi_float32_array, nullable, &raw, length)) return false;
  *data = static_cast<float*>(raw);
  return true;
}

inline bool GetInt32(const Args& args, size_t index, const char* name, int32_t** data,
                     size_t* length, bool nullable = false) {
  void* raw = nullptr;
  if (!GetTypedArray(args, index, name, napi_int32_array, nullable, &raw, length)) return false;
  *data = static_cast<int32_t*>(raw);
  return true;
}

// Reads a number of any finite value.
inline bool GetNumber(const Args& args, size_t index, const char* name, double* out) {
  napi_valuetype type = napi_undefined;
  napi_typeof(args.env, args.values[index], &type);
  if (type != napi_number) {
    char got[96];
    Describe(args.env, args.values[index], got, sizeof got);
    NNFS_TYPE_ERROR(args, "%s must be a number, got %s", name, got);
    return false;
  }
  napi_get_value_double(args.env, args.values[index], out);
  if (!std::isfinite(*out)) {
    NNFS_RANGE_ERROR(args, "%s must be a finite number, got %g", name, *out);
    return false;
  }
  return true;
}

// Dimensions are limited to 2^31 - 1, the largest BLAS index.
inline bool GetDim(const Args& args, size_t index, const char* name, size_t* out) {
  napi_valuetype type = napi_undefined;
  napi_typeof(args.env, args.values[index], &type);
  if (type != napi_number) {
    char got[96];
    Describe(args.env, args.values[index], got, sizeof got);
    NNFS_TYPE_ERROR(args, "%s must be an integer, got %s", name, got);
    return false;
  }
  double value = 0;
  napi_get_value_double(args.env, args.values[index], &value);
  if (!(value >= 0 && value <= 2147483647.0 && value == std::floor(value))) {
    NNFS_RANGE_ERROR(args, "%s must be an integer in [0, 2147483647], got %g", name, value);
    return false;
  }
  *out = static_cast<size_t>(value);
  return true;
}

inline bool GetBool(const Args& args, size_t index, const char* name, bool* out) {
  napi_valuetype type = napi_undefined;
  napi_typeof(args.env, args.values[index], &type);
  if (type != napi_boolean) {
    char got[96];
    Describe(args.env, args.values[index], got, sizeof got);
    NNFS_TYPE_ERROR(args, "%s must be a boolean, got %s", name, got);
    return false;
  }
  napi_get_value_bool(args.env, args.values[index], out);
  return true;
}

// Reads a string into `out` (truncated to `size` - 1 bytes).
inline bool GetString(const Args& args, size_t index, const char* name, char* out, size_t size) {
  napi_valuetype type = napi_undefined;
  napi_typeof(args.env, args.values[index], &type);
  if (type != napi_string) {
    char got[96];
    Describe(args.env, args.values[index], got, sizeof got);
    NNFS_TYPE_ERROR(args, "%s must be a string, got %s", name, got);
    return false;
  }
  size_t written = 0;
  napi_get_value_string_utf8(args.env, args.values[index], out, size, &written);
  return true;
}

// Reads "fast" or "reference"; `reference` is set for the latter.
inline bool GetPrecision(const Args& args, size_t index, bool* reference) {
  char text[16];
  if (!GetString(args, index, "precision", text, sizeof text)) return false;
  bool fast = __builtin_strcmp(text, "fast") == 0;
  *reference = __builtin_strcmp(text, "reference") == 0;
  if (!fast && !*reference) {
    NNFS_RANGE_ERROR(args, "precision must be \"fast\" or \"reference\", got \"%s\"", text);
    return false;
  }
  return true;
}

// Checks that an array has exactly the length its dimensions need. `shape` names them for the
// message, e.g. "n x c = 2 x 3".
inline bool CheckLength(const Args& args, const char* name, size_t length, size_t expected,
                        const char* shape) {
  if (length != expected) {
    NNFS_RANGE_ERROR(args, "%s has length %zu, expected %zu (%s)", name, length, expected, shape);
    return false;
  }
  return true;
}

// The dimensions an array must have, for the message of a failed length check. It is formatted
// only when a check fails, because snprintf on every call cost more than a tiny kernel.
struct Shape {
  enum Kind { kVector, kMatrix, kLengthOf };
  Kind kind;
  const char* label;  // "n x c" for a matrix, "n" for a vector, an argument name for kLengthOf
  size_t rows;
  size_t cols;

  // "n x c = 2 x 3"
  static Shape Matrix(const char* label, size_t rows, size_t cols) {
    return {kMatrix, label, rows, cols};
  }
  // "n = 2"
  static Shape Vector(const char* label, size_t length) { return {kVector, label, length, 0}; }
  // "the length of inputs"
  static Shape LengthOf(const char* name) { return {kLengthOf, name, 0, 0}; }

  void Format(char* out, size_t size) const {
    switch (kind) {
      case kMatrix: snprintf(out, size, "%s = %zu x %zu", label, rows, cols); return;
      case kVector: snprintf(out, size, "%s = %zu", label, rows); return;
      case kLengthOf: snprintf(out, size, "the length of %s", label); return;
    }
  }
};

inline bool CheckLength(const Args& args, const char* name, size_t length, size_t expected,
                        const Shape& shape) {
  if (length == expected) return true;
  char text[96];
  shape.Format(text, sizeof text);
  return CheckLength(args, name, length, expected, text);
}

// Checks that every label is a class index in [0, classes).
inline bool CheckLabels(const Args& args, const int32_t* labels, size_t n, size_t classes) {
  for (size_t r = 0; r < n; r++) {
    if (labels[r] < 0 || static_cast<size_t>(labels[r]) >= classes) {
      NNFS_RANGE_ERROR(args, "labels[%zu] is %d, expected a class index in [0, %zu)", r,
                       labels[r], classes);
      return false;
    }
  }
  return true;
}

}  // namespace nnfs
