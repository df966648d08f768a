// The plane geometry the map of care draws with, in the browser (no tiles are
// fetched): latitude and longitude projected onto the page, the area round each
// locality (its Voronoi cell: every place nearer that locality's centre than any
// other's, clipped to the map's frame) and each provider's cluster (the convex
// hull of its packages). Pure functions of plain arrays.

// The frame round every point, with a margin (a fraction of each side).
export function frame(points, margin = 0.06) {
  if (points.length === 0) return null;
  let [minLat, maxLat, minLon, maxLon] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lat, lon] of points) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
  }
  const dLat = Math.max(maxLat - minLat, 0.01) * margin;
  const dLon = Math.max(maxLon - minLon, 0.01) * margin;
  return { minLat: minLat - dLat, maxLat: maxLat + dLat, minLon: minLon - dLon, maxLon: maxLon + dLon };
}

// Equirectangular at the frame's middle latitude (east-west distances shrink
// with the cosine of latitude), `width` wide, north at the top. Returns the
// height and project([lat, lon]) -> [x, y].
export function projection(box, width) {
  const scaleX = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const spanX = (box.maxLon - box.minLon) * scaleX;
  const spanY = box.maxLat - box.minLat;
  const unit = width / spanX;
  return {
    width,
    height: spanY * unit,
    project: ([lat, lon]) => [(lon - box.minLon) * scaleX * unit, (box.maxLat - lat) * unit],
  };
}

const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

// The convex hull (Andrew's monotone chain), counter-clockwise in maths axes;
// fewer than three distinct points give themselves.
export function convexHull(points) {
  const sorted = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const lower = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper = [];
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const p = sorted[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

// The part of a polygon where a*x + b*y <= c (Sutherland-Hodgman, one edge).
export function clip(polygon, a, b, c) {
  const out = [];
  const inside = (p) => a * p[0] + b * p[1] <= c + 1e-9;
  for (let i = 0; i < polygon.length; i += 1) {
    const p = polygon[i];
    const q = polygon[(i + 1) % polygon.length];
    const pIn = inside(p);
    const qIn = inside(q);
    if (pIn) out.push(p);
    if (pIn !== qIn) {
      const t = (c - a * p[0] - b * p[1]) / (a * (q[0] - p[0]) + b * (q[1] - p[1]));
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

// Each site's Voronoi cell inside the rectangle [0, width] x [0, height]: the
// frame cut by the perpendicular bisector with every other site.
export function voronoiCells(sites, width, height) {
  const box = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  return sites.map((s, i) => {
    let cell = box;
    sites.forEach((o, j) => {
      if (i === j || cell.length === 0) return;
      // Nearer s than o: 2(o - s).p <= |o|^2 - |s|^2.
      cell = clip(cell, 2 * (o[0] - s[0]), 2 * (o[1] - s[1]), o[0] * o[0] + o[1] * o[1] - s[0] * s[0] - s[1] * s[1]);
    });
    return cell;
  });
}

// An SVG path for a polygon.
export const pathOf = (polygon) => (polygon.length === 0 ? '' : `M${polygon.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`);

// The area of a polygon (shoelace), for tests and for putting small cells' labels aside.
export function area(polygon) {
  let sum = 0;
  for (let i = 0; i < polygon.length; i += 1) {
    const [x1, y1] = polygon[i];
    const [x2, y2] = polygon[(i + 1) % polygon.length];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

// A provider's colour: hues spread round the wheel, dark enough for white text
// and for a 3:1 contrast with the pale map.
export const providerColour = (index) => `hsl(${Math.round((index * 137.508) % 360)}, 70%, 36%)`;
