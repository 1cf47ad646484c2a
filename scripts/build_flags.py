"""Copy the country flags from the npm package flag-icons into static/vendor/flags/ (run once).

    python scripts/build_flags.py          # npm pack flag-icons@7.5.0 into a temp dir
    python scripts/build_flags.py DIR      # or use an unpacked package in DIR

Source: flag-icons 7.5.0 (MIT licence, Panayiotis Lipiridis), flags/4x3/<alpha-2>.svg. Only the
codes Dais knows (events/data/countries.json) are copied, with comments and the whitespace
between tags removed. The result is committed; run time needs neither npm nor the network.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "flag-icons@7.5.0"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "vendor" / "flags"


def unpacked_package() -> Path:
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, check=True, capture_output=True)  # noqa: S603, S607
    (tarball,) = tmp.glob("*.tgz")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def main(package_dir: Path) -> None:
    codes = json.loads((ROOT / "events" / "data" / "countries.json").read_text())
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    total = 0
    for code in sorted(codes):
        svg = (package_dir / "flags" / "4x3" / f"{code.lower()}.svg").read_text()
        svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
        svg = re.sub(r">\s+<", "><", svg).strip() + "\n"
        (OUT / f"{code.lower()}.svg").write_text(svg)
        total += len(svg.encode())
    shutil.copy(package_dir / "LICENSE", OUT / "LICENSE")
    print(f"{len(codes)} flags, {total // 1024} KB in {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else unpacked_package())
