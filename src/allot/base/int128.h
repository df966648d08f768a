#pragma once
// A 128-bit integer for exact intermediate money arithmetic (products of pence,
// points and factors) before the one rounding step. GCC and Clang provide it.

namespace allot {
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;
}  // namespace allot
