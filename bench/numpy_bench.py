"""The benchmark workloads in NumPy, for the NumPy columns of `npm run bench`.

Usage: numpy_bench.py WORKLOAD key=value ...  (prints one JSON object)

Workloads:
  step       one training step of a dense ReLU network with softmax + cross-entropy and Adam;
             keys: sizes (e.g. 2,64,3), data (spiral or uniform), batch, lr, decay, repeats
  inference  the forward pass of a network on `rows` uniform inputs; keys: sizes, rows, repeats
  gemm       a square float32 product; keys: size, repeats
  softmax_backward  the book's per-sample Jacobian loop; keys: rows, cols, repeats
  info       the OpenBLAS build and core NumPy uses

Each timed workload runs twice: `float32` (NumPy's own float32 products) and `book` (every
np.dot in float64, rounded once to float32, as the book's helper `nnfs.init()` patches it).
Data and weights follow the seeding of `nnfs.init()` (seed 0, float32 randn, weights
0.01 * randn), so the losses can be compared with the TypeScript run of the same workload.
The thread count comes from OPENBLAS_NUM_THREADS, set by the caller.
"""

import ctypes
import json
import sys
import time

import numpy as np


def dot_float32(a, b):
    return np.dot(a, b)


def dot_book(a, b):
    return np.dot(a.astype(np.float64), b.astype(np.float64)).astype(np.float32)


def randn32(*shape):
    return np.random.randn(*shape).astype(np.float32)


def spiral_data(samples, classes):
    x = np.zeros((samples * classes, 2), dtype=np.float32)
    y = np.zeros(samples * classes, dtype=np.uint8)
    for label in range(classes):
        rows = range(samples * label, samples * (label + 1))
        radius = np.linspace(0.0, 1, samples)
        theta = np.linspace(label * 4, (label + 1) * 4, samples) + randn32(samples) * 0.2
        x[rows] = np.c_[radius * np.sin(theta * 2.5), radius * np.cos(theta * 2.5)]
        y[rows] = label
    return x, y


def uniform_data(rows, cols, classes):
    x = np.random.random_sample(rows * cols).astype(np.float32).reshape(rows, cols)
    y = (np.arange(rows) % classes).astype(np.int64)
    return x, y


def make_layers(sizes):
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layers.append({
            "w": np.float32(0.01) * randn32(n_in, n_out),
            "b": np.zeros((1, n_out), dtype=np.float32),
        })
    return layers


class Adam:
    """The book's Adam, in float32 arrays with Python float scalars (NEP 50 keeps float32)."""

    def __init__(self, lr, decay, eps=1e-7, beta1=0.9, beta2=0.999):
        self.lr, self.decay, self.eps, self.beta1, self.beta2 = lr, decay, eps, beta1, beta2
        self.current = lr
        self.iterations = 0

    def pre(self):
        if self.decay:
            self.current = self.lr * (1.0 / (1.0 + self.decay * self.iterations))

    def update(self, layer):
        if "wm" not in layer:
            for key in ("wm", "wc"):
                layer[key] = np.zeros_like(layer["w"])
            for key in ("bm", "bc"):
                layer[key] = np.zeros_like(layer["b"])
        t = self.iterations + 1
        for p, g, m, c in (("w", "dw", "wm", "wc"), ("b", "db", "bm", "bc")):
            layer[m] = self.beta1 * layer[m] + (1 - self.beta1) * layer[g]
            layer[c] = self.beta2 * layer[c] + (1 - self.beta2) * layer[g] ** 2
            m_hat = layer[m] / (1 - self.beta1 ** t)
            c_hat = layer[c] / (1 - self.beta2 ** t)
            layer[p] += -self.current * m_hat / (np.sqrt(c_hat) + self.eps)

    def post(self):
        self.iterations += 1


def forward(layers, x, dot):
    """Returns the softmax output and the inputs of every layer (kept for backward)."""
    inputs = []
    out = x
    for index, layer in enumerate(layers):
        inputs.append(out)
        out = dot(out, layer["w"]) + layer["b"]
        if index < len(layers) - 1:
            layer["z"] = out
            out = np.maximum(0, out)
    exp = np.exp(out - np.max(out, axis=1, keepdims=True))
    return exp / np.sum(exp, axis=1, keepdims=True), inputs


def train_step(layers, optimizer, x, y, dot):
    probs, inputs = forward(layers, x, dot)
    samples = len(probs)
    clipped = np.clip(probs, 1e-7, 1 - 1e-7)
    loss = float(np.mean(-np.log(clipped[range(samples), y])))

    dvalues = probs.copy()
    dvalues[range(samples), y] -= 1
    dvalues = dvalues / samples
    for index in range(len(layers) - 1, -1, -1):
        layer = layers[index]
        layer["dw"] = dot(inputs[index].T, dvalues)
        layer["db"] = np.sum(dvalues, axis=0, keepdims=True)
        dvalues = dot(dvalues, layer["w"].T)
        if index > 0:
            relu_grad = dvalues.copy()
            relu_grad[layers[index - 1]["z"] <= 0] = 0
            dvalues = relu_grad

    optimizer.pre()
    for layer in layers:
        optimizer.update(layer)
    optimizer.post()
    return loss


def timed(fn, repeats, inner=None):
    fn()
    if inner is None:
        start = time.perf_counter()
        fn()
        once = time.perf_counter() - start
        inner = max(1, min(100000, round(0.02 / max(once, 1e-9))))
    for _ in range(3 * inner):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - start) / inner)
    samples.sort()
    middle = len(samples) // 2
    median = samples[middle] if len(samples) % 2 else (samples[middle - 1] + samples[middle]) / 2
    return {"median": median, "min": samples[0], "max": samples[-1], "repeats": repeats}


def make_problem(opts):
    sizes = [int(s) for s in opts["sizes"].split(",")]
    np.random.seed(0)
    if opts.get("data") == "spiral":
        x, y = spiral_data(int(opts["batch"]) // sizes[-1], sizes[-1])
    else:
        x, y = uniform_data(int(opts["batch"]), sizes[0], sizes[-1])
    return sizes, x, y, make_layers(sizes)


def bench_step(opts):
    repeats = int(opts.get("repeats", 15))
    result = {}
    for mode, dot in (("float32", dot_float32), ("book", dot_book)):
        sizes, x, y, layers = make_problem(opts)
        optimizer = Adam(float(opts["lr"]), float(opts["decay"]))
        losses = [train_step(layers, optimizer, x, y, dot) for _ in range(3)]
        result[mode] = timed(lambda: train_step(layers, optimizer, x, y, dot), repeats)
        result[mode]["losses"] = losses
    return result


def bench_inference(opts):
    repeats = int(opts.get("repeats", 7))
    sizes = [int(s) for s in opts["sizes"].split(",")]
    np.random.seed(0)
    x, _ = uniform_data(int(opts["rows"]), sizes[0], sizes[-1])
    layers = make_layers(sizes)
    result = {}
    for mode, dot in (("float32", dot_float32), ("book", dot_book)):
        probs, _ = forward(layers, x, dot)
        result[mode] = timed(lambda: forward(layers, x, dot), repeats, inner=1)
        result[mode]["row_sums_first"] = [float(v) for v in probs[:3].sum(axis=1)]
        result[mode]["first_row"] = [float(v) for v in probs[0]]
    return result


def bench_gemm(opts):
    size = int(opts["size"])
    repeats = int(opts.get("repeats", 9))
    rng = np.random.default_rng(0)
    a = rng.random((size, size), dtype=np.float32)
    b = rng.random((size, size), dtype=np.float32)
    return {
        "float32": timed(lambda: dot_float32(a, b), repeats),
        "book": timed(lambda: dot_book(a, b), repeats),
    }


def bench_softmax_backward(opts):
    rows, cols = int(opts["rows"]), int(opts["cols"])
    repeats = int(opts.get("repeats", 5))
    rng = np.random.default_rng(0)
    logits = rng.standard_normal((rows, cols)).astype(np.float32)
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    output = exp / exp.sum(axis=1, keepdims=True)
    dvalues = rng.standard_normal((rows, cols)).astype(np.float32)

    def book_loop():
        dinputs = np.empty_like(dvalues)
        for index, (single_output, single_dvalues) in enumerate(zip(output, dvalues)):
            single_output = single_output.reshape(-1, 1)
            jacobian = np.diagflat(single_output) - np.dot(single_output, single_output.T)
            dinputs[index] = np.dot(jacobian, single_dvalues)
        return dinputs

    return {"book_loop": timed(book_loop, repeats, inner=1)}


def openblas_info():
    """Return the OpenBLAS that NumPy loaded and the core it picked, read through its C API."""
    config = np.show_config(mode="dicts")
    blas = config.get("Build Dependencies", {}).get("blas", {})
    info = {"numpy": np.__version__, "blas": blas.get("name"), "version": blas.get("version")}
    # NumPy wheels bundle OpenBLAS under a hashed file name, so find it among the mapped files.
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    for path in sorted(paths):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for name in ("scipy_openblas_get_corename64_", "openblas_get_corename64_",
                     "openblas_get_corename"):
            if hasattr(library, name):
                function = getattr(library, name)
                function.restype = ctypes.c_char_p
                info["core"] = function().decode()
                return info
    return info


WORKLOADS = {
    "step": bench_step,
    "inference": bench_inference,
    "gemm": bench_gemm,
    "softmax_backward": bench_softmax_backward,
}


def main():
    workload = sys.argv[1]
    opts = dict(arg.split("=", 1) for arg in sys.argv[2:])
    result = openblas_info() if workload == "info" else WORKLOADS[workload](opts)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
