"""Reading the committed resource files (JSON) so a corrupt one says so.

A missing file is the caller's business (most resources are optional and their
loaders return an empty value); a file that is there but cannot be read or has
the wrong shape is a `ResourceError` naming the file, in one line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from newsreader.pipeline.types import ResourceError

T = TypeVar("T")


def load_resource(path: Path, build: Callable[[Any], T]) -> T:
    """`build` applied to the JSON in `path`; ResourceError when either step fails."""
    try:
        return build(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise ResourceError(f"corrupt resource file {path}: {reason}") from exc
