// A Gantt-style row per carer: travel, waiting, visits and breaks along the day,
// with each visit's time window drawn beneath it. Rows are SVG; each segment has a
// <title> for pointer users, and the routes table gives the same times as text.
import { clock, routeColour, routeSegments, timeRange } from './schedule.js';

const ROW = 34;
const LABEL = 130;
const WIDTH = 1000;

export function Timeline({ problem, solution }) {
  const routes = Array.isArray(solution.routes) ? solution.routes : [];
  if (routes.length === 0) return <p>No carer has a visit.</p>;
  const visits = new Map((problem.visits || []).map((visit) => [visit.id, visit]));
  const range = timeRange(routes);
  const span = range.end - range.start;
  const x = (time) => LABEL + ((Math.min(Math.max(time, range.start), range.end) - range.start) / span) * (WIDTH - LABEL - 30);
  const hours = [];
  const step = span > 16 * 60 ? 120 : 60;
  for (let tick = range.start; tick <= range.end; tick += step) hours.push(tick);
  const height = routes.length * ROW + 30;
  return (
    <figure class="timeline" data-testid="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="timeline-title" aria-describedby="routes-table">
        <title id="timeline-title">Timeline of each carer’s day from {clock(range.start)} to {clock(range.end)}; the routes table below gives the same times</title>
        {hours.map((tick) => (
          <g key={tick}>
            <line class="timeline__tick" x1={x(tick)} x2={x(tick)} y1="18" y2={height} />
            <text class="timeline__hour" x={x(tick)} y="12" text-anchor="middle">
              {clock(tick)}
            </text>
          </g>
        ))}
        {routes.map((route, route_idx) => {
          const top = 22 + route_idx * ROW;
          return (
            <g key={route.carer} class="timeline__row" data-testid="timeline-row" data-carer={route.carer}>
              <text class="timeline__carer" x="4" y={top + 17}>
                {route.carer}
              </text>
              {routeSegments(route).map((segment, segment_idx) => {
                const left = x(segment.start);
                const width = Math.max(1, x(segment.end) - left);
                if (segment.kind === 'visit') {
                  const visit = visits.get(segment.stop.visit) || {};
                  const windows = Array.isArray(visit.time_windows) ? visit.time_windows : [];
                  return (
                    <g key={segment_idx}>
                      {windows.map(([from, to], window_idx) => (
                        <rect key={window_idx} class="timeline__window" x={x(from)} y={top + 22} width={Math.max(1, x(to === null ? range.end : to) - x(from))} height="4" />
                      ))}
                      <rect class="timeline__visit" data-kind="visit" x={left} y={top + 4} width={width} height="18" fill={routeColour(route_idx)}>
                        <title>
                          {segment.stop.visit}: {clock(segment.start)}–{clock(segment.end)}
                        </title>
                      </rect>
                    </g>
                  );
                }
                return (
                  <rect key={segment_idx} class={`timeline__${segment.kind}`} data-kind={segment.kind} x={left} y={top + (segment.kind === 'travel' ? 10 : 8)} width={width} height={segment.kind === 'travel' ? 6 : 10}>
                    <title>
                      {segment.kind === 'travel' ? 'Travel' : segment.kind === 'wait' ? 'Waiting' : 'Break'} {clock(segment.start)}–{clock(segment.end)}
                    </title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="timeline__legend">
          <li>
            <span class="key key--visit" aria-hidden="true" /> visit (carer’s colour)
          </li>
          <li>
            <span class="key key--travel" aria-hidden="true" /> travel
          </li>
          <li>
            <span class="key key--wait" aria-hidden="true" /> waiting
          </li>
          <li>
            <span class="key key--break" aria-hidden="true" /> break
          </li>
          <li>
            <span class="key key--window" aria-hidden="true" /> the visit’s time window
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
