"""Build events/data/world-map.json from the npm package world-atlas (run once, by hand).

    python scripts/build_world_map.py              # npm pack world-atlas@2.0.2 into a temp dir
    python scripts/build_world_map.py DIR          # or use an unpacked package in DIR

The output is committed; nothing at run time needs npm or the network.

Source: world-atlas 2.0.2 (ISC licence, Mike Bostock), countries-50m.json, itself Natural Earth
1:50m admin-0 countries (public domain). Steps:
- decode the TopoJSON arcs, drop Antarctica;
- project with the Equal Earth projection (equal-area, so no country looks bigger than it is)
  onto a 1000-unit-wide plane;
- simplify each shared arc (Douglas-Peucker, 0.45 units) so neighbours keep common borders;
- drop rings smaller than 0.6 square units unless they are a country's largest;
- key each country by ISO 3166-1 alpha-2 (numeric id via pycountry); Somaliland is drawn as part
  of Somalia and Northern Cyprus as part of Cyprus (ISO 3166 has no codes for them); shapes without
  a code (Kosovo, Siachen, Indian Ocean Territories) go into the uncoded "land" path.
- paths use relative commands with coordinates in tenths of a unit: compact and exact.

Each country gets: d (SVG path), c (a label point: centroid of its largest ring), a (projected
area in square units; the renderer marks small ones with a dot).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pycountry

PACKAGE = "world-atlas@2.0.2"
OUT = Path(__file__).resolve().parent.parent / "events" / "data" / "world-map.json"
WIDTH = 1000.0
TOLERANCE = 0.45
MIN_RING_AREA = 0.6
MERGE = {"Somaliland": "SO", "N. Cyprus": "CY"}
DROP = {"AQ"}

# Equal Earth (Šavrič, Patterson, Jenny 2018)
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, -y


def douglas_peucker(points: list, tol: float) -> list[int]:
    """Indices of the points (x, y, index) to keep."""
    if len(points) < 3:
        return [p[2] for p in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1, _), (x2, y2, _) = points[i], points[j]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, where = -1.0, -1
        for k in range(i + 1, j):
            x, y, _ = points[k]
            if dx == dy == 0:  # a closed arc (an island): distance to its start
                d = math.hypot(x - x1, y - y1)
            else:
                d = abs(dy * (x - x1) - dx * (y - y1)) / norm
            if d > best:
                best, where = d, k
        if best > tol:
            keep[where] = True
            stack += [(i, where), (where, j)]
    return [p[2] for p, k in zip(points, keep, strict=True) if k]


def _clip(ring: list, keep_west: bool) -> list:
    """Sutherland-Hodgman against the meridian 180 (longitudes unwrapped past it)."""
    out = []
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        in1, in2 = (x1 <= 180) == keep_west, (x2 <= 180) == keep_west
        if in1:
            out.append((x1, y1))
        if in1 != in2:
            out.append((180.0, y1 + (y2 - y1) * (180 - x1) / (x2 - x1)))
    return out


def cut_antimeridian(ring: list) -> list[list]:
    """Natural Earth rings may cross 180 degrees (Chukotka, Fiji): split them."""
    if not any(abs(b[0] - a[0]) > 180 for a, b in zip(ring, ring[1:] + ring[:1], strict=True)):
        return [ring]
    unwrapped = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]
    west = _clip(unwrapped, keep_west=True)
    east = [(lon - 360, lat) for lon, lat in _clip(unwrapped, keep_west=False)]
    return [r for r in (west, east) if len(r) >= 3]


def ring_area(ring: list) -> float:
    return 0.5 * sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def ring_centroid(ring: list) -> tuple[float, float]:
    a = ring_area(ring)
    if abs(a) < 1e-9:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        f = x1 * y2 - x2 * y1
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    return cx / (6 * a), cy / (6 * a)


def num(tenths: int) -> str:
    s = f"{tenths / 10:.1f}".rstrip("0").rstrip(".")
    return s.replace("0.", ".", 1) if s.startswith(("0.", "-0.")) else s


def path(rings: list) -> str:
    out = []
    for ring in rings:
        pts = [(round(x * 10), round(y * 10)) for x, y in ring]
        cmds = [f"M{num(pts[0][0])} {num(pts[0][1])}l"]
        px, py = pts[0]
        parts = []
        for x, y in pts[1:]:
            if (x, y) == (px, py):
                continue
            parts.append(f"{num(x - px)} {num(y - py)}")
            px, py = x, y
        cmds.append(" ".join(parts).replace(" -", "-"))
        out.append("".join(cmds) + "z")
    return "".join(out)


def unpacked_package() -> Path:
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, check=True, capture_output=True)  # noqa: S603, S607
    (tarball,) = tmp.glob("*.tgz")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def alpha2(numeric: str | None) -> str | None:
    if not numeric:
        return None
    country = pycountry.countries.get(numeric=numeric.zfill(3))
    return country.alpha_2 if country else None


def main(package_dir: Path) -> None:
    topo = json.loads((package_dir / "countries-50m.json").read_text())
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    # Full Equal Earth width is 2 * x(180, 0); scale it to WIDTH.
    full = 2 * equal_earth(180, 0)[0]
    k = WIDTH / full

    def project(lon: float, lat: float) -> tuple[float, float]:
        x, y = equal_earth(lon, lat)
        return (x + full / 2) * k, y * k

    arcs = []  # simplified arcs, in degrees (rings crossing 180 are cut before projecting)
    for arc in topo["arcs"]:
        x = y = 0
        lonlat = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            lonlat.append((x * sx + tx, y * sy + ty))
        keep = set(douglas_peucker([(*project(*p), i) for i, p in enumerate(lonlat)], TOLERANCE))
        arcs.append([p for i, p in enumerate(lonlat) if i in keep])

    def ring(indices: list[int]) -> list:
        pts: list = []
        for i in indices:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a[1:] if pts else a)
        pts = pts[:-1] if len(pts) > 1 and pts[0] == pts[-1] else pts
        return [[project(*p) for p in part] for part in cut_antimeridian(pts)]

    shapes: dict[str, list] = {}
    land: list = []
    skipped = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [part for polygon in polygons for r in polygon for part in ring(r)]
        name = geom["properties"]["name"]
        code = MERGE.get(name) or alpha2(geom.get("id"))
        if code in DROP:
            continue
        if code is None:
            skipped.append(name)
            land.extend(rings)
            continue
        shapes.setdefault(code, []).extend(rings)

    countries = {}
    for code, rings in sorted(shapes.items()):
        largest = max(rings, key=lambda r: abs(ring_area(r)))
        kept = [r for r in rings if r is largest or abs(ring_area(r)) >= MIN_RING_AREA]
        cx, cy = ring_centroid(largest)
        countries[code] = {
            "d": path(kept),
            "c": [round(cx, 1), round(cy, 1)],
            "a": round(sum(abs(ring_area(r)) for r in kept), 1),
        }
    # Crop to the land: the open ocean at the edges only shrinks the countries.
    all_x = [x for rings in shapes.values() for r in rings for x, _ in r]
    all_y = [y for rings in shapes.values() for r in rings for _, y in r]
    left, right = math.floor(min(all_x)) - 2, math.ceil(max(all_x)) + 2
    top, bottom = math.floor(min(all_y)) - 2, math.ceil(max(all_y)) + 2
    data = {
        "source": f"npm {PACKAGE} countries-50m.json (Natural Earth 1:50m), Equal Earth projection",
        "licence": "world-atlas: ISC; Natural Earth: public domain",
        "viewBox": [left, top, right - left, bottom - top],
        "countries": countries,
        "land": path([r for r in land if abs(ring_area(r)) >= MIN_RING_AREA]),
    }
    OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"{len(countries)} countries, uncoded land: {', '.join(skipped)}")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else unpacked_package())
