// GEMM family (lib/Lowering/Gemm.cpp, include/tfx/Lowering/Params/Gemm.h):
// tfx.linear with its activation fused, tfx.matmul batched, and the tiling
// the CPU schedule and the tiled GPU schedule (docs/gpu.md) pick from the
// shapes.
// The CPU tiles follow the target's vector registers (cpuVectorLanes):
// AVX-512 (16 f32 lanes, 32 registers) here, AVX2 (8 lanes) below.
// RUN: tfx-translate %s --emit=plan --target=x86-64-linux-sse41-avx-f16c-fma-avx2-avx512-avx512_skylake | FileCheck %s
// RUN: tfx-translate %s --emit=plan --target=x86-64-linux-sse41-avx-f16c-fma-avx2 | FileCheck %s --check-prefix=AVX2
// RUN: not tfx-translate %s --emit=plan --target=x86-64-linux-bogus 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: tfx-translate: error: invalid Halide target 'x86-64-linux-bogus'

// A narrow output (N = 16 < 32 columns): one vector of columns, 8 rows.
// CHECK-LABEL: func linear_gelu:
// CHECK: kernel 0: linear {bias=true, act=gelu} (f32[?x24], f32[24x16], f32[16]) -> f32[?x16]
// CHECK-NEXT: cpu schedule: gemm: tile 16x8, rows outer, column tail shifted
// AVX2-LABEL: func linear_gelu:
// AVX2: cpu schedule: gemm: tile 16x6, rows outer, column tail shifted
// CHECK-NEXT: gpu schedule: gemm: block 16x32, thread 4x4, k-chunk 24 (32 threads, 6656 B shared)
// CHECK: constant 0 -> %{{[0-9]+}}: weight 'w' f32[16x24]
// CHECK: transposed(c0) f32[24x16]
// CHECK-NOT: kernel 1:
func.func @linear_gelu(%x: tensor<?x5x24xf32> {tfx.name = "x"}) -> tensor<?x5x16xf32> {
  %w = tfx.param "w" : tensor<16x24xf32>
  %b = tfx.param "b" : tensor<16xf32>
  %y = tfx.linear %x, %w, %b : (tensor<?x5x24xf32>, tensor<16x24xf32>, tensor<16xf32>) -> tensor<?x5x16xf32>
  %z = tfx.gelu %y : tensor<?x5x16xf32>
  return %z : tensor<?x5x16xf32>
}

// A weight over 1 MiB (1024 x 600 f32): column panels outermost, and the
// reduction (K = 600 > 512) split by 256. The leaky ReLU's slope is fused.
// CHECK-LABEL: func linear_big:
// CHECK: kernel 0: linear {bias=false, act=leaky_relu(0.2)} (f32[?x600], f32[600x1024]) -> f32[?x1024]
// CHECK-NEXT: cpu schedule: gemm: tile 32x6, k-blocked (96-row blocks, k chunks of 256; one row: 64-column tiles), column tail shifted
// AVX2-LABEL: func linear_big:
// AVX2: cpu schedule: gemm: tile 16x6, k-blocked (96-row blocks, k chunks of 256; one row: 32-column tiles), column tail shifted
// CHECK-NEXT: gpu schedule: gemm: block 64x32, thread 4x4, k-chunk 24 (128 threads, 17408 B shared)
func.func @linear_big(%x: tensor<?x600xf32> {tfx.name = "x"}) -> tensor<?x1024xf32> {
  %w = tfx.param "big" : tensor<1024x600xf32>
  %y = tfx.linear %x, %w : (tensor<?x600xf32>, tensor<1024x600xf32>) -> tensor<?x1024xf32>
  %z = tfx.leaky_relu %y {negative_slope = 2.000000e-01 : f32} : tensor<?x1024xf32>
  return %z : tensor<?x1024xf32>
}

// Batched matmul: leading dims collapse into one batch; rows stay inner.
// Matrices of 4 x 40 would make GPU blocks of 10 threads: simple schedule.
// CHECK-LABEL: func batched:
// CHECK: kernel 0: matmul {} (f32[?x4x8], f32[?x8x40]) -> f32[?x4x40]
// CHECK-NEXT: cpu schedule: gemm: tile 32x6, rows outer, column tail shifted
// CHECK-NEXT: gpu schedule: gemm: simple (no usable k-chunk or block shape)
// CHECK: step 0: %{{[0-9]+}} = kernel 0(%0 as [?x4x8], %1 as [?x8x40]) -> f32[?x4x40] as [?x2x4x40]
func.func @batched(%a: tensor<?x2x4x8xf32> {tfx.name = "a"}, %b: tensor<?x2x8x40xf32> {tfx.name = "b"}) -> tensor<?x2x4x40xf32> {
  %y = tfx.matmul %a, %b : (tensor<?x2x4x8xf32>, tensor<?x2x8x40xf32>) -> tensor<?x2x4x40xf32>
  return %y : tensor<?x2x4x40xf32>
}
