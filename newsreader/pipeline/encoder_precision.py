"""The number format the encoder computes in when it tags: one vocabulary, one choice.

- ``float32``: exact, everywhere.
- ``bfloat16``: the encoder layers' weight matrices stored in bfloat16 and
  their products computed in it, everything between them (attention,
  LayerNorm, the residual sums, the head) in float32
  (`encoder_ner.to_bfloat16`). On a CPU with native bfloat16 units
  (AVX-512 BF16 or AMX) it runs 1.6-2.4x as fast and changes about one word
  label in a thousand; elsewhere it is emulated and slower, so ``auto`` does
  not pick it.
- ``int8``: torch's dynamic int8 linear layers; about twice as fast on any
  CPU but it costs about 10 F1 (activation outliers after GELU), kept for
  measurement only.
- ``auto``: ``bfloat16`` where the CPU has native bfloat16, else ``float32``.

Torch is imported only to ask it about the CPU (commands list the choices without it).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PRECISIONS = ("auto", "float32", "bfloat16", "int8")
NATIVE_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


class PrecisionError(ValueError):
    """An unknown precision name (a setting or an option)."""


@lru_cache(maxsize=1)
def cpu_flags(cpuinfo: str = "/proc/cpuinfo") -> frozenset[str]:
    """The CPU's feature flags (empty where /proc/cpuinfo is not there)."""
    try:
        text = Path(cpuinfo).read_text(encoding="ascii", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        if line.startswith("flags"):
            return frozenset(line.partition(":")[2].split())
    return frozenset()


def native_bfloat16(flags: frozenset[str] | None = None) -> bool:
    """Does this CPU multiply bfloat16 in hardware (and can torch use it)?"""
    import torch

    flags = cpu_flags() if flags is None else flags
    return bool(flags & NATIVE_BF16_FLAGS) and torch.backends.mkldnn.is_available()


def resolve(precision: str | None, flags: frozenset[str] | None = None) -> str:
    """The concrete precision for a setting ("" and None mean ``auto``)."""
    choice = (precision or "auto").strip().lower()
    if choice not in PRECISIONS:
        raise PrecisionError(
            f"unknown encoder precision {precision!r} (choose from {', '.join(PRECISIONS)})"
        )
    if choice == "auto":
        return "bfloat16" if native_bfloat16(flags) else "float32"
    return choice


__all__ = ["PRECISIONS", "PrecisionError", "cpu_flags", "native_bfloat16", "resolve"]
