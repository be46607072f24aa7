// Node-API entry points for the optimizer updates. Scalars are rounded to float32 here, as
// NumPy 2 casts a Python float against a float32 array.
#include "args.h"
#include "dispatch.h"
#include "kernels/table.h"
#include "methods/methods.h"

namespace nnfs {

namespace {

bool CheckSameLength(const Args& args, const char* name, size_t length, size_t params_length) {
  return CheckLength(args, name, length, params_length, "the length of params");
}

}  // namespace

// sgdUpdate(params, grads, momentums | null, learningRate, momentum)
napi_value SgdUpdate(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "sgdUpdate", 5, &args)) return nullptr;

  float *params, *grads, *momentums;
  size_t length, grads_length, momentums_length;
  double lr, momentum;
  if (!GetFloat32(args, 0, "params", &params, &length) ||
      !GetFloat32(args, 1, "grads", &grads, &grads_length) ||
      !GetFloat32(args, 2, "momentums", &momentums, &momentums_length, true) ||
      !GetNumber(args, 3, "learningRate", &lr) || !GetNumber(args, 4, "momentum", &momentum) ||
      !CheckSameLength(args, "grads", grads_length, length)) {
    return nullptr;
  }

  const KernelTable* table = ActiveTable();
  if (momentums == nullptr) {
    table->sgd(params, grads, length, static_cast<float>(-lr));
  } else {
    if (!CheckSameLength(args, "momentums", momentums_length, length)) return nullptr;
    table->sgd_momentum(params, grads, momentums, length, static_cast<float>(lr),
                        static_cast<float>(momentum));
  }
  return nullptr;
}

// adagradUpdate(params, grads, cache, learningRate, epsilon)
napi_value AdagradUpdate(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "adagradUpdate", 5, &args)) return nullptr;

  float *params, *grads, *cache;
  size_t length, grads_length, cache_length;
  double lr, epsilon;
  if (!GetFloat32(args, 0, "params", &params, &length) ||
      !GetFloat32(args, 1, "grads", &grads, &grads_length) ||
      !GetFloat32(args, 2, "cache", &cache, &cache_length) ||
      !GetNumber(args, 3, "learningRate", &lr) || !GetNumber(args, 4, "epsilon", &epsilon) ||
      !CheckSameLength(args, "grads", grads_length, length) ||
      !CheckSameLength(args, "cache", cache_length, length)) {
    return nullptr;
  }

  ActiveTable()->adagrad(params, grads, cache, length, static_cast<float>(-lr),
                         static_cast<float>(epsilon));
  return nullptr;
}

// rmspropUpdate(params, grads, cache, learningRate, rho, oneMinusRho, epsilon)
napi_value RmspropUpdate(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "rmspropUpdate", 7, &args)) return nullptr;

  float *params, *grads, *cache;
  size_t length, grads_length, cache_length;
  double lr, rho, one_minus_rho, epsilon;
  if (!GetFloat32(args, 0, "params", &params, &length) ||
      !GetFloat32(args, 1, "grads", &grads, &grads_length) ||
      !GetFloat32(args, 2, "cache", &cache, &cache_length) ||
      !GetNumber(args, 3, "learningRate", &lr) || !GetNumber(args, 4, "rho", &rho) ||
      !GetNumber(args, 5, "oneMinusRho", &one_minus_rho) ||
      !GetNumber(args, 6, "epsilon", &epsilon) ||
      !CheckSameLength(args, "grads", grads_length, length) ||
      !CheckSameLength(args, "cache", cache_length, length)) {
    return nullptr;
  }

  ActiveTable()->rmsprop(params, grads, cache, length, static_cast<float>(-lr),
                         static_cast<float>(rho), static_cast<float>(one_minus_rho),
                         static_cast<float>(epsilon));
  return nullptr;
}

namespace {

// Reads the Adam scalars of argument `index` into `scalars`, the learning rate negated, as the
// kernel takes them. `hyper` is an AdamScalars object or a Float64Array of its 8 fields in
// declaration order.
bool ReadAdamScalars(const Args& args, size_t index, float* scalars) {
  static const char* const kFields[kAdamScalarCount] = {
      "learningRate", "beta1",       "oneMinusBeta1", "beta2",
      "oneMinusBeta2", "correction1", "correction2",   "epsilon",
  };
  napi_env env = args.env;
  napi_value hyper = args.values[index];
  bool packed = false;
  napi_is_typedarray(env, hyper, &packed);
  if (packed) {
    // The facade's form. Reading named properties of an object costs about 0.2 us each
    // through Node-API, more than the update of a small layer.
    void* raw = nullptr;
    size_t count = 0;
    if (!GetTypedArray(args, index, "hyper", napi_float64_array, false, &raw, &count) ||
        !CheckLength(args, "hyper", count, kAdamScalarCount, "the 8 Adam scalars")) {
      return false;
    }
    const double* values = static_cast<const double*>(raw);
    for (int field = 0; field < kAdamScalarCount; field++) {
      if (!std::isfinite(values[field])) {
        NNFS_RANGE_ERROR(args, "hyper.%s must be a finite number, got %g", kFields[field],
                         values[field]);
        return false;
      }
      scalars[field] = static_cast<float>(values[field]);
    }
    scalars[kAdamNegativeLr] = -scalars[kAdamNegativeLr];
    return true;
  }

  napi_valuetype type = napi_undefined;
  napi_typeof(env, hyper, &type);
  if (type != napi_object) {
    char got[96];
    Describe(env, hyper, got, sizeof got);
    NNFS_TYPE_ERROR(args, "hyper must be an object of Adam scalars, got %s", got);
    return false;
  }

  // Each field is read into a one-value Args so that its message names the field.
  for (int field = 0; field < kAdamScalarCount; field++) {
    Args field_args = args;
    field_args.count = 1;
    if (napi_get_named_property(env, hyper, kFields[field], &field_args.values[0]) != napi_ok) {
      return false;
    }
    // The checked read runs only for a value that is not a finite number, so the message's
    // name is formatted on that path alone.
    double value = 0;
    if (napi_get_value_double(env, field_args.values[0], &value) != napi_ok ||
        !std::isfinite(value)) {
      char name[48];
      snprintf(name, sizeof name, "hyper.%s", kFields[field]);
      GetNumber(field_args, 0, name, &value);
      return false;
    }
    scalars[field] = static_cast<float>(value);
  }
  scalars[kAdamNegativeLr] = -scalars[kAdamNegativeLr];
  return true;
}

// One parameter array and its Adam state, read from four arguments from `first` on.
struct AdamArrays {
  float *params, *grads, *momentums, *cache;
  size_t length;
};

bool ReadAdamArrays(const Args& args, size_t first, const char* const names[4],
                    AdamArrays* out) {
  size_t grads_length, momentums_length, cache_length;
  return GetFloat32(args, first, names[0], &out->params, &out->length) &&
         GetFloat32(args, first + 1, names[1], &out->grads, &grads_length) &&
         GetFloat32(args, first + 2, names[2], &out->momentums, &momentums_length) &&
         GetFloat32(args, first + 3, names[3], &out->cache, &cache_length) &&
         CheckLength(args, names[1], grads_length, out->length, Shape::LengthOf(names[0])) &&
         CheckLength(args, names[2], momentums_length, out->length, Shape::LengthOf(names[0])) &&
         CheckLength(args, names[3], cache_length, out->length, Shape::LengthOf(names[0]));
}

void RunAdam(const AdamArrays& arrays, const float* scalars) {
  ActiveTable()->adam(arrays.params, arrays.grads, arrays.momentums, arrays.cache, arrays.length,
                      scalars);
}

}  // namespace

// adamUpdate(params, grads, momentums, cache, hyper)
napi_value AdamUpdate(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "adamUpdate", 5, &args)) return nullptr;

  static const char* const kNames[4] = {"params", "grads", "momentums", "cache"};
  AdamArrays arrays;
  float scalars[kAdamScalarCount];
  if (!ReadAdamArrays(args, 0, kNames, &arrays) || !ReadAdamScalars(args, 4, scalars)) {
    return nullptr;
  }
  RunAdam(arrays, scalars);
  return nullptr;
}

// adamUpdateLayer(weights, dweights, weightMomentums, weightCache,
//                 biases, dbiases, biasMomentums, biasCache, hyper)
napi_value AdamUpdateLayer(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "adamUpdateLayer", 9, &args)) return nullptr;

  static const char* const kWeightNames[4] = {"weights", "dweights", "weightMomentums",
                                              "weightCache"};
  static const char* const kBiasNames[4] = {"biases", "dbiases", "biasMomentums", "biasCache"};
  AdamArrays weights, biases;
  float scalars[kAdamScalarCount];
  // Everything is checked before either array changes.
  if (!ReadAdamArrays(args, 0, kWeightNames, &weights) ||
      !ReadAdamArrays(args, 4, kBiasNames, &biases) || !ReadAdamScalars(args, 8, scalars)) {
    return nullptr;
  }
  RunAdam(weights, scalars);
  RunAdam(biases, scalars);
  return nullptr;
}

}  // namespace nnfs
