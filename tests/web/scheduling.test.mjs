// Tests of the scheduling page's plain helpers (no browser): totals, timeline
// segments, the map projection and the visits CSV, on the worked example of
// docs/solver.md. Run with `node --test`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clock, obstaclesText, projectLocations, reasonText, routeSegments, solutionTotals, timeRange, visitsCsv } from '../../web/src/scheduling/schedule.js';

const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const problem = JSON.parse(fs.readFileSync(path.join(sourceDir, 'data/solver/example.json'), 'utf8'));
const solution = JSON.parse(fs.readFileSync(path.join(sourceDir, 'data/solver/example-solution.json'), 'utf8'));

test('totals count carers, routed and unassigned visits, travel and carer minutes on visits', () => {
  const totals = solutionTotals(problem, solution);
  assert.equal(totals.carers, 2);
  assert.equal(totals.carers_used, 2);
  assert.equal(totals.visits, 6);
  assert.equal(totals.visits_routed, 4);
  assert.equal(totals.visits_unassigned, 2);
  assert.ok(Math.abs(totals.travel_time - solution.cost.travel_time) < 1e-9);
  assert.ok(Math.abs(totals.visit_time - 210) < 1e-6, `visit time ${totals.visit_time}`);
});

test('a route becomes travel, waiting, visits and breaks that follow each other without gaps', () => {
  const amira = solution.routes.find((route) => route.carer === 'amira');
  const segments = routeSegments(amira);
  assert.equal(segments[0].kind, 'travel');
  assert.equal(segments[0].start, amira.departure);
  assert.deepEqual(
    segments.map((segment) => segment.kind),
    ['travel', 'visit', 'travel', 'visit', 'travel', 'wait', 'visit', 'travel', 'wait', 'visit', 'break', 'travel'],
  );
  for (let segment_idx = 1; segment_idx < segments.length; segment_idx++) {
    assert.ok(Math.abs(segments[segment_idx].start - segments[segment_idx - 1].end) < 1e-6, `gap before segment ${segment_idx}`);
  }
  assert.equal(segments.at(-1).end, amira.return);
});

test('the time axis runs from the hour before the first departure to the hour after the last return', () => {
  assert.deepEqual(timeRange(solution.routes), { start: 420, end: 780 });
  assert.equal(clock(450), '07:30');
  assert.equal(clock(1440 + 65), '+1 01:05');
});

test('latitude and longitude are projected with north up and east right', () => {
  const map = projectLocations(problem);
  assert.equal(map.geographic, true);
  assert.equal(map.points.length, problem.locations.length);
  const north = map.points[5]; // latitude 52.94, the most northerly
  const south = map.points[4]; // latitude 52.915
  assert.ok(north[1] < south[1], 'north is drawn above south');
  const east = map.points[3]; // longitude -1.465, the most easterly
  assert.ok(east[0] > south[0], 'east is drawn right of west');
  assert.equal(projectLocations({ travel: { kind: 'matrix' } }), null);
});

test('the visits CSV has a row per visit per carer, then the unassigned with their reasons', () => {
  const lines = visitsCsv(problem, solution).trim().split('\r\n');
  assert.equal(lines[0], 'carer,order,visit,location,arrival,start,end,duration,time_windows,carers_needed,what_stops_each_carer');
  assert.equal(lines[1], 'amira,1,mrs-a-morning,1,07:30,07:30,08:00,30,07:30-08:30,1,');
  assert.equal(lines.length, 1 + 5 + 2);
  assert.equal(lines.at(-1), '(unassigned),,mr-e-evening,5,,,,,outside_shifts,,"Their shift does not cover its time windows: amira, ben."');
  assert.match(reasonText('no_skilled_carer'), /skill/);
  assert.equal(reasonText('something_new'), 'something new');
});

test('what stops each carer: grouped by obstacle, the nearest to doing the visit first', () => {
  const text = obstaclesText([
    { carer: 'carl', obstacle: 'skill' },
    { carer: 'amira', obstacle: 'booked' },
    { carer: 'ben', obstacle: 'skill' },
    { carer: 'dev', obstacle: 'something_new' },
  ]);
  assert.equal(text, 'Fully booked beside their other visits: amira. Lacks a skill it needs: carl, ben. something new: dev.');
  assert.equal(obstaclesText(undefined), '');
});
