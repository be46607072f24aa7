// Node-API entry points for the matrix products: gemm, denseForward and denseBackward.
#include "args.h"
#include "dispatch.h"
#include "gemm.h"
#include "methods/methods.h"

namespace nnfs {

namespace {

bool ThrowOutOfMemory(const Args& args) {
  NNFS_RANGE_ERROR(args, "could not allocate the float64 scratch of a reference product");
  return false;
}

// C = op(A) op(B) in the requested precision, overwriting C.
bool Product(const Args& args, bool reference, bool trans_a, bool trans_b, size_t m, size_t n,
             size_t k, const float* a, const float* b, float* c) {
  if (reference) {
    if (!ReferenceGemm(trans_a, trans_b, m, n, k, a, b, c)) return ThrowOutOfMemory(args);
  } else {
    FastGemm(trans_a, trans_b, m, n, k, a, b, c, 0.0f);
  }
  return true;
}

}  // namespace

// gemm(transA, transB, m, n, k, a, b, c, precision)
napi_value Gemm(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "gemm", 9, &args)) return nullptr;

  bool trans_a, trans_b, reference;
  size_t m, n, k, a_length, b_length, c_length;
  float *a, *b, *c;
  if (!GetBool(args, 0, "transA", &trans_a) || !GetBool(args, 1, "transB", &trans_b) ||
      !GetDim(args, 2, "m", &m) || !GetDim(args, 3, "n", &n) || !GetDim(args, 4, "k", &k) ||
      !GetFloat32(args, 5, "a", &a, &a_length) || !GetFloat32(args, 6, "b", &b, &b_length) ||
      !GetFloat32(args, 7, "c", &c, &c_length) || !GetPrecision(args, 8, &reference)) {
    return nullptr;
  }

  Shape shape;
  shape = Shape::Matrix("m x k", m, k);
  if (!CheckLength(args, "a", a_length, m * k, shape)) return nullptr;
  shape = Shape::Matrix("k x n", k, n);
  if (!CheckLength(args, "b", b_length, k * n, shape)) return nullptr;
  shape = Shape::Matrix("m x n", m, n);
  if (!CheckLength(args, "c", c_length, m * n, shape)) return nullptr;

  Product(args, reference, trans_a, trans_b, m, n, k, a, b, c);
  return nullptr;
}

// denseForward(inputs, weights, biases, output, n, i, o, precision)
napi_value DenseForward(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "denseForward", 8, &args)) return nullptr;

  float *inputs, *weights, *biases, *output;
  size_t inputs_length, weights_length, biases_length, output_length, n, i, o;
  bool reference;
  if (!GetFloat32(args, 0, "inputs", &inputs, &inputs_length) ||
      !GetFloat32(args, 1, "weights", &weights, &weights_length) ||
      !GetFloat32(args, 2, "biases", &biases, &biases_length) ||
      !GetFloat32(args, 3, "output", &output, &output_length) || !GetDim(args, 4, "n", &n) ||
      !GetDim(args, 5, "i", &i) || !GetDim(args, 6, "o", &o) ||
      !GetPrecision(args, 7, &reference)) {
    return nullptr;
  }

  Shape shape;
  shape = Shape::Matrix("n x i", n, i);
  if (!CheckLength(args, "inputs", inputs_length, n * i, shape)) return nullptr;
  shape = Shape::Matrix("i x o", i, o);
  if (!CheckLength(args, "weights", weights_length, i * o, shape)) return nullptr;
  shape = Shape::Matrix("1 x o", 1, o);
  if (!CheckLength(args, "biases", biases_length, o, shape)) return nullptr;
  shape = Shape::Matrix("n x o", n, o);
  if (!CheckLength(args, "output", output_length, n * o, shape)) return nullptr;

  const KernelTable* table = ActiveTable();
  if (reference) {
    // NumPy rounds the float64 product to float32 first, then adds the biases in float32.
    if (!Product(args, true, false, false, n, o, i, inputs, weights, output)) return nullptr;
    table->add_bias_rows(biases, output, n, o);
  } else {
    table->fill_rows(biases, output, n, o);
    FastGemm(false, false, n, o, i, inputs, weights, output, 1.0f);
  }
  return nullptr;
}

// denseBackward(inputs, weights, dvalues, dweights, dbiases, dinputs | null, n, i, o, precision)
napi_value DenseBackward(napi_env env, napi_callback_info info) {
  Args args;
  if (!ReadArgs(env, info, "denseBackward", 10, &args)) return nullptr;

  float *inputs, *weights, *dvalues, *dweights, *dbiases, *dinputs;
  size_t inputs_length, weights_length, dvalues_length, dweights_length, dbiases_length,
      dinputs_length, n, i, o;
  bool reference;
  if (!GetFloat32(args, 0, "inputs", &inputs, &inputs_length) ||
      !GetFloat32(args, 1, "weights", &weights, &weights_length) ||
      !GetFloat32(args, 2, "dvalues", &dvalues, &dvalues_length) ||
      !GetFloat32(args, 3, "dweights", &dweights, &dweights_length) ||
      !GetFloat32(args, 4, "dbiases", &dbiases, &dbiases_length) ||
      !GetFloat32(args, 5, "dinputs", &dinputs, &dinputs_length, true) ||
      !GetDim(args, 6, "n", &n) || !GetDim(args, 7, "i", &i) || !GetDim(args, 8, "o", &o) ||
      !GetPrecision(args, 9, &reference)) {
    return nullptr;
  }

  Shape shape;
  shape = Shape::Matrix("n x i", n, i);
  if (!CheckLength(args, "inputs", inputs_length, n * i, shape)) return nullptr;
  if (dinputs != nullptr && !CheckLength(args, "dinputs", dinputs_length, n * i, shape)) {
    return nullptr;
  }
  shape = Shape::Matrix("i x o", i, o);
  if (!CheckLength(args, "weights", weights_length, i * o, shape)) return nullptr;
  if (!CheckLength(args, "dweights", dweights_length, i * o, shape)) return nullptr;
  shape = Shape::Matrix("n x o", n, o);
  if (!CheckLength(args, "dvalues", dvalues_length, n * o, shape)) return nullptr;
  shape = Shape::Matrix("1 x o", 1, o);
  if (!CheckLength(args, "dbiases", dbiases_length, o, shape)) return nullptr;

  // dweights = inputsᵀ · dvalues and dinputs = dvalues · weightsᵀ: the transposes are flags.
  if (!Product(args, reference, true, false, i, o, n, inputs, dvalues, dweights)) return nullptr;
  ActiveTable()->column_sums(dvalues, dbiases, n, o);
  if (dinputs != nullptr) {
    if (!Product(args, reference, false, true, n, i, o, dvalues, weights, dinputs)) return nullptr;
  }
  return nullptr;
}

}  // namespace nnfs
