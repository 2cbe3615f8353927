"""The encoder's number format: `auto` picks bfloat16 only where the CPU multiplies it
natively, and a wrong name is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline import encoder_precision as precision


def test_auto_is_bfloat16_only_with_native_units() -> None:
    assert precision.resolve("auto", frozenset({"avx2", "avx512_bf16"})) == "bfloat16"
    assert precision.resolve("", frozenset({"amx_bf16"})) == "bfloat16"
    assert precision.resolve(None, frozenset({"avx2", "avx512f"})) == "float32"


def test_an_explicit_choice_is_kept_whatever_the_cpu() -> None:
    for name in ("float32", "bfloat16", "int8"):
        assert precision.resolve(f" {name.upper()} ", frozenset({"avx512_bf16"})) == name
        assert precision.resolve(name, frozenset()) == name


def test_an_unknown_precision_names_the_choices() -> None:
    with pytest.raises(precision.PrecisionError, match="float32, bfloat16, int8"):
        precision.resolve("fp8")


def test_cpu_flags_are_read_from_cpuinfo(tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nflags\t\t: fpu avx2 amx_bf16\n\nprocessor\t: 1\n")
    assert precision.cpu_flags(str(info)) == frozenset({"fpu", "avx2", "amx_bf16"})
    assert precision.cpu_flags(str(tmp_path / "missing")) == frozenset()
