// The routes drawn on an inline SVG map: longitude and latitude (or x and y)
// projected onto the page, nothing fetched from elsewhere. Bases are squares,
// visits dots, unassigned visits red rings with a cross; each carer's route is a
// line in its own colour. The routes table below is the map's text alternative.
import { useState } from 'preact/hooks';
import { projectLocations, routeColour, routeDashed } from './schedule.js';

export function RouteMap({ problem, solution }) {
  const [focus, setFocus] = useState('');
  const projection = projectLocations(problem);
  const routes = Array.isArray(solution.routes) ? solution.routes : [];
  if (!projection) {
    return <p data-testid="route-map-missing">This problem gives travel as a matrix without places, so there is no map; the routes table below lists every route.</p>;
  }
  const { points, width, height } = projection;
  const pad = 30;
  const visitsById = new Map((problem.visits || []).map((visit) => [visit.id, visit]));
  const carersById = new Map((problem.carers || []).map((carer) => [carer.id, carer]));
  const unassigned = Array.isArray(solution.unassigned) ? solution.unassigned : [];
  const routedLocations = new Set();
  const lines = routes.map((route, route_idx) => {
    const carer = carersById.get(route.carer) || {};
    const path = [carer.start_location ?? 0];
    for (const stop of route.stops || []) {
      if (stop.type !== 'visit') continue;
      const visit = visitsById.get(stop.visit);
      if (visit) {
        path.push(visit.location);
        routedLocations.add(visit.location);
      }
    }
    path.push(carer.end_location ?? carer.start_location ?? 0);
    return { route, route_idx, path };
  });
  const bases = new Set();
  for (const carer of problem.carers || []) {
    bases.add(carer.start_location ?? 0);
    bases.add(carer.end_location ?? carer.start_location ?? 0);
  }
  const unassignedLocations = new Set(unassigned.map((item) => (visitsById.get(item.visit) || {}).location).filter((location) => location !== undefined));
  const at = (location) => points[location] || [0, 0];
  const visitsAt = (location) => (problem.visits || []).filter((visit) => visit.location === location).map((visit) => visit.id).join(', ');
  const dim = (route) => focus && focus !== route.carer;
  return (
    <figure class="route-map" data-testid="route-map">
      <div class="route-map__controls">
        <label for="map-focus">Show</label>{' '}
        <select id="map-focus" value={focus} onChange={(event) => setFocus(event.currentTarget.value)}>
          <option value="">every carer’s route</option>
          {routes.map((route) => (
            <option key={route.carer} value={route.carer}>
              {route.carer} only
            </option>
          ))}
        </select>
      </div>
      <svg
        viewBox={`${-pad} ${-pad} ${width + 2 * pad} ${height + 2 * pad}`}
        role="img"
        aria-labelledby="route-map-title"
        aria-describedby="routes-table"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="route-map-title">
          Map of {routes.length} carers’ routes and {unassigned.length} visits not done; the routes table below lists the same routes
        </title>
        <rect x={-pad} y={-pad} width={width + 2 * pad} height={height + 2 * pad} class="route-map__ground" />
        {lines.map(({ route, route_idx, path }) => (
          <polyline
            key={route.carer}
            data-carer={route.carer}
            class={`route-map__route${dim(route) ? ' route-map__route--dim' : ''}`}
            points={path.map((location) => at(location).join(',')).join(' ')}
            stroke={routeColour(route_idx)}
            stroke-dasharray={routeDashed(route_idx) ? '12 6' : undefined}
          />
        ))}
        {[...routedLocations].map((location) => (
          <circle key={`v${location}`} class="route-map__visit" cx={at(location)[0]} cy={at(location)[1]} r="7" data-location={location}>
            <title>{visitsAt(location)}</title>
          </circle>
        ))}
        {[...unassignedLocations].map((location) => {
          const [x, y] = at(location);
          return (
            <g key={`u${location}`} class="route-map__unassigned" data-testid="map-unassigned">
              <circle cx={x} cy={y} r="13">
                <title>Not done here: {unassigned.filter((item) => (visitsById.get(item.visit) || {}).location === location).map((item) => item.visit).join(', ')}</title>
              </circle>
              <path d={`M${x - 7},${y - 7} L${x + 7},${y + 7} M${x - 7},${y + 7} L${x + 7},${y - 7}`} />
            </g>
          );
        })}
        {[...bases].map((location) => {
          const [x, y] = at(location);
          return <rect key={`b${location}`} class="route-map__base" x={x - 9} y={y - 9} width="18" height="18" data-testid="map-base" />;
        })}
      </svg>
      <figcaption>
        <ul class="route-map__legend">
          <li>
            <svg width="18" height="18" aria-hidden="true" viewBox="-9 -9 18 18">
              <rect class="route-map__base" x="-7" y="-7" width="14" height="14" />
            </svg>{' '}
            office or a carer’s home
          </li>
          <li>
            <svg width="18" height="18" aria-hidden="true" viewBox="-9 -9 18 18">
              <circle class="route-map__visit" r="5" />
            </svg>{' '}
            visit on a route
          </li>
          <li>
            <svg width="22" height="22" aria-hidden="true" viewBox="-11 -11 22 22">
              <g class="route-map__unassigned">
                <circle r="8" />
                <path d="M-4,-4 L4,4 M-4,4 L4,-4" />
              </g>
            </svg>{' '}
            visit not done
          </li>
          {routes.map((route, route_idx) => (
            <li key={route.carer}>
              <svg width="26" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="26" y2="5" stroke={routeColour(route_idx)} stroke-width="4" stroke-dasharray={routeDashed(route_idx) ? '6 3' : undefined} />
              </svg>{' '}
              {route.carer}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
