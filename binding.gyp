{
  # OpenBLAS comes from pkg-config; a packaging step can override these two variables to link a
  # static copy instead (e.g. node-gyp rebuild -- -Dopenblas_libs=/path/libopenblas.a).
  "variables": {
    "openblas_cflags%": "<!(pkg-config --cflags openblas)",
    "openblas_libs%": "<!(pkg-config --libs openblas)",
    # openblas_static=true (npm_config_openblas_static=true, as scripts/prebuild.mjs sets it)
    # links OpenBLAS's static archive into the addon and hides its symbols, so a prebuilt
    # binary needs no libopenblas on the user's machine.
    "openblas_static%": "false",
  },
  "target_defaults": {
    "cflags_cc!": ["-std=gnu++17", "-std=gnu++1y", "-std=gnu++20"],
    # No fused multiply-add anywhere: the element-wise kernels must round every product and
    # sum separately to match float32 NumPy bit for bit.
    "cflags": ["-fvisibility=hidden", "-ffp-contract=off", "-fno-exceptions", "-Wall",
               "-Wno-psabi"],
    "cflags_cc": ["-std=c++17"],
    "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED",
                "NAPI_DISABLE_CPP_EXCEPTIONS"],
    "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "native"],
    "default_configuration": "Release",
    "configurations": {
      "Release": {"cflags": ["-O3"], "defines": ["NDEBUG"]},
      "Debug": {"cflags": ["-O0", "-g"], "defines": ["DEBUG"]},
    },
  },
  "targets": [
    {
      # The kernel families compiled for the x86-64 baseline; every CPU can run this table.
      "target_name": "nnfs_kernels_scalar",
      "type": "static_library",
      "defines": ["NNFS_LEVEL=scalar", "NNFS_LANES=1"],
      "cflags": ["-fPIC", "-fno-math-errno"],
      "sources": [
        "native/kernels/activations.cc",
        "native/kernels/dense.cc",
        "native/kernels/losses.cc",
        "native/kernels/optimizers.cc",
        "native/kernels/reductions.cc",
        "native/kernels/regression_losses.cc",
        "native/kernels/regularization.cc",
        "native/kernels/sigmoid.cc",
        "native/kernels/table.cc",
      ],
    },
    {
      # AVX2 and FMA are enabled for the instruction set only; -ffp-contract=off (above) keeps
      # the compiler from fusing a multiply and an add.
      "target_name": "nnfs_kernels_avx2",
      "type": "static_library",
      "defines": ["NNFS_LEVEL=avx2", "NNFS_LANES=8"],
      "cflags": ["-fPIC", "-fno-math-errno"],
      # Elsewhere (arm64) the table still compiles as portable code, and dispatch never picks it.
      "conditions": [["target_arch=='x64'", {"cflags": ["-mavx2", "-mfma"]}]],
      "sources": [
        "native/kernels/activations.cc",
        "native/kernels/dense.cc",
        "native/kernels/losses.cc",
        "native/kernels/optimizers.cc",
        "native/kernels/reductions.cc",
        "native/kernels/regression_losses.cc",
        "native/kernels/regularization.cc",
        "native/kernels/sigmoid.cc",
        "native/kernels/table.cc",
      ],
    },
    {
      "target_name": "nnfs_kernels_avx512",
      "type": "static_library",
      "defines": ["NNFS_LEVEL=avx512", "NNFS_LANES=16"],
      "cflags": ["-fPIC", "-fno-math-errno"],
      "conditions": [["target_arch=='x64'", {
        "cflags": ["-mavx512f", "-mavx512bw", "-mavx512dq", "-mavx512vl", "-mfma"],
      }]],
      "sources": [
        "native/kernels/activations.cc",
        "native/kernels/dense.cc",
        "native/kernels/losses.cc",
        "native/kernels/optimizers.cc",
        "native/kernels/reductions.cc",
        "native/kernels/regression_losses.cc",
        "native/kernels/regularization.cc",
        "native/kernels/sigmoid.cc",
        "native/kernels/table.cc",
      ],
    },
    {
      "target_name": "nnfs",
      "dependencies": ["nnfs_kernels_scalar", "nnfs_kernels_avx2", "nnfs_kernels_avx512"],
      "cflags": ["<@(openblas_cflags)"],
      "conditions": [
        ["openblas_static=='true'", {
          # Only the archive members the addon references are linked (the sgemm path and
          # OpenBLAS's thread server, none of the Fortran LAPACK objects that need
          # libgfortran). --exclude-libs keeps their symbols out of the dynamic table.
          "libraries": ["<!(pkg-config --variable=libdir openblas)/libopenblas.a",
                        "-lpthread", "-lm"],
          "ldflags": ["-Wl,--exclude-libs,ALL"],
        }, {
          "libraries": ["<@(openblas_libs)"],
        }],
      ],
      "sources": [
        "native/addon.cc",
        "native/dispatch.cc",
        "native/gemm.cc",
        "native/methods/activations.cc",
        "native/methods/losses.cc",
        "native/methods/optimizers.cc",
        "native/methods/products.cc",
        "native/methods/regularization.cc",
        "native/methods/regression_losses.cc",
        "native/methods/sigmoid.cc",
        "native/methods/runtime.cc",
      ],
    },
  ],
}
