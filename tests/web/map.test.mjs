// The map of care's geometry (web/src/map/geometry.js), with no browser: the
// projection keeps north up and east right, the hull holds every point, and the
// Voronoi cells tile the frame with each site in its own cell.
import assert from 'node:assert/strict';
import test from 'node:test';
import { area, clip, convexHull, frame, projection, voronoiCells } from '../../web/src/map/geometry.js';

test('the projection puts north at the top and east to the right, and shrinks longitude by the cosine of latitude', () => {
  const box = frame([
    [56.0, -3.0],
    [55.9, -2.5],
  ], 0);
  const { project, height, width } = projection(box, 1000);
  const [west, north] = project([56.0, -3.0]);
  const [east, south] = project([55.9, -2.5]);
  assert.ok(Math.abs(west) < 1e-9 && Math.abs(north) < 1e-9);
  assert.ok(Math.abs(east - 1000) < 1e-9 && Math.abs(south - height) < 1e-9);
  // 0.1 degrees of latitude against 0.5 of longitude at 56 degrees north.
  assert.ok(Math.abs(height / width - 0.1 / (0.5 * Math.cos((55.95 * Math.PI) / 180))) < 1e-9);
});

test('the convex hull holds every point and drops those inside', () => {
  const points = [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
    [2, 2],
    [1, 3],
    [4, 4],
  ];
  const hull = convexHull(points);
  assert.equal(hull.length, 4);
  assert.equal(area(hull), 16);
  assert.deepEqual(convexHull([[1, 1]]), [[1, 1]]);
});

test('clipping keeps the side asked for', () => {
  const square = [
    [0, 0],
    [2, 0],
    [2, 2],
    [0, 2],
  ];
  assert.equal(area(clip(square, 1, 0, 1)), 2); // x <= 1
  assert.equal(clip(square, 1, 0, -1).length, 0); // x <= -1: nothing
});

test('Voronoi cells tile the frame and each holds its own site', () => {
  const sites = [
    [10, 10],
    [90, 20],
    [50, 80],
    [30, 40],
  ];
  const cells = voronoiCells(sites, 100, 100);
  const total = cells.reduce((sum, cell) => sum + area(cell), 0);
  assert.ok(Math.abs(total - 10000) < 1e-6, `the cells cover the frame once: ${total}`);
  cells.forEach((cell, i) => {
    // A site is inside its (convex) cell: on the left of every edge, or the right of every edge.
    const sides = cell.map((p, k) => Math.sign(cross(p, cell[(k + 1) % cell.length], sites[i])));
    assert.ok(sides.every((s) => s >= 0) || sides.every((s) => s <= 0), `site ${i} is in its cell`);
  });
});

function cross(o, a, b) {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}
