// The map of care: the area drawn from the data's own coordinates as SVG (each
// locality the area nearer its centre than any other's, labelled), with layers
// for packages (a dot per person's package, in its provider's colour), providers'
// bases (squares), each provider's cluster (the hull round its packages) and
// community opportunities (green diamonds). The provider and service filters
// live in the address and change what is drawn; the table below is the same
// points in words (the map's accessible equivalent) and exports as CSV or XLSX.
import { useRef, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { ExportButtons } from '../shared/ExportButtons.jsx';
import { formatNumber } from '../shared/format.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { setQuery, useLocation } from '../shared/router.js';
import { convexHull, frame, pathOf, projection, providerColour, voronoiCells } from './geometry.js';

export function MapPage() {
  return (
    <RequireAllowed action="care_map.read" title="Map of care">
      <CareMapView />
    </RequireAllowed>
  );
}

const SERVICES = {
  care_at_home: 'Care at home',
  housing_support: 'Housing support',
  childrens_care_at_home: 'Children’s care at home',
  specialist_support: 'Specialist support',
  night_support: 'Night support',
};

const LAYERS = [
  ['packages', 'People’s packages'],
  ['bases', 'Providers’ bases'],
  ['clusters', 'Providers’ clusters'],
  ['community', 'Community opportunities'],
];

const AREA_FILLS = ['#eef3f8', '#f4f1e8', '#edf5ee', '#f6eef3', '#f0f0f0'];
const WIDTH = 900;

function CareMapView() {
  const { query } = useLocation();
  const provider = query.get('provider') || '';
  const service = query.get('service') || '';
  const hidden = new Set((query.get('hide') || '').split(',').filter(Boolean));
  const search = new URLSearchParams(Object.entries({ provider, service }).filter(([, value]) => value)).toString();
  const loaded = useLoad(() => api.get(`/care-at-home/map${search ? `?${search}` : ''}`), search);
  // The providers stay in the filter while the next map loads.
  const providers = useRef([]);
  if (loaded.data) providers.current = loaded.data.providers;
  const toggle = (layer) => (event) => {
    const next = new Set(hidden);
    if (event.currentTarget.checked) next.delete(layer);
    else next.add(layer);
    setQuery({ hide: [...next].join(',') });
  };
  return (
    <>
      <PageTitle>Map of care</PageTitle>
      <p class="lead">Where people’s care at home is, where providers’ staff set out from, how each provider’s work clusters, and the community opportunities nearby.</p>
      <form class="filters no-print" onSubmit={(event) => event.preventDefault()}>
        <div class="field field--inline">
          <label for="map-provider">Provider</label>
          <select id="map-provider" value={provider} onChange={(event) => setQuery({ provider: event.currentTarget.value })}>
            <option value="">Every provider</option>
            {providers.current.map((p) => (
              <option value={String(p.id)}>{p.name}</option>
            ))}
          </select>
        </div>
        <div class="field field--inline">
          <label for="map-service">Service</label>
          <select id="map-service" value={service} onChange={(event) => setQuery({ service: event.currentTarget.value })}>
            <option value="">Every service</option>
            {Object.entries(SERVICES).map(([code, label]) => (
              <option value={code}>{label}</option>
            ))}
          </select>
        </div>
        <fieldset class="field field--inline">
          <legend>Show</legend>
          {LAYERS.map(([layer, label]) => (
            <label class="checkbox" for={`map-layer-${layer}`}>
              <input id={`map-layer-${layer}`} type="checkbox" checked={!hidden.has(layer)} onChange={toggle(layer)} /> {label}
            </label>
          ))}
        </fieldset>
      </form>
      {loaded.loading && <Loading what="Loading the map" />}
      {loaded.error && <ErrorMessage error={loaded.error} title="The map could not be drawn" />}
      {loaded.data && <Drawn data={loaded.data} hidden={hidden} filter={{ provider, service }} />}
    </>
  );
}

// Who a package is for: their name where the package carries one and the viewer
// may see it, with the reference it came with; else the reference alone.
const personText = (p) => (p.person_name ? `${p.person_name} (${p.person_reference})` : p.person_reference);

// The rows of the table and the export: every point drawn, in words.
function rowsOf(data, hidden, providerName) {
  const rows = [];
  if (!hidden.has('packages')) {
    for (const p of data.packages) {
      rows.push({ layer: 'Package', name: personText(p), provider: providerName(p.provider_id), service: SERVICES[p.service] || p.service, locality: p.locality, hours: p.carer_minutes_per_week / 60, latitude: p.latitude, longitude: p.longitude });
    }
  }
  if (!hidden.has('bases')) {
    for (const b of data.bases) rows.push({ layer: 'Base', name: b.name, provider: providerName(b.provider_id), service: '', locality: '', hours: null, latitude: b.latitude, longitude: b.longitude });
  }
  if (!hidden.has('community')) {
    for (const c of data.community) rows.push({ layer: 'Community opportunity', name: c.name, provider: '', service: '', locality: c.locality, hours: null, latitude: c.latitude, longitude: c.longitude });
  }
  return rows;
}

function exportTable(rows, filter, providerName) {
  return {
    name: 'map-of-care',
    title: 'Map of care',
    notes: [filter.provider ? `Provider: ${providerName(Number(filter.provider))}` : 'Every provider', filter.service ? `Service: ${SERVICES[filter.service]}` : 'Every service'],
    columns: [
      { title: 'Layer', kind: 'text', value: (r) => r.layer },
      { title: 'Name', kind: 'text', value: (r) => r.name },
      { title: 'Provider', kind: 'text', value: (r) => r.provider },
      { title: 'Service', kind: 'text', value: (r) => r.service },
      { title: 'Locality', kind: 'text', value: (r) => r.locality },
      { title: 'Carer hours a week', kind: 'number', value: (r) => r.hours },
      { title: 'Latitude', kind: 'number', value: (r) => r.latitude },
      { title: 'Longitude', kind: 'number', value: (r) => r.longitude },
    ],
    rows,
  };
}

function Drawn({ data, hidden, filter }) {
  const [focus, setFocus] = useState(null);
  const providerIndex = new Map(data.providers.map((p, index) => [p.id, index]));
  const providerName = (id) => (data.providers[providerIndex.get(id)] || {}).name || '';
  const colour = (id) => providerColour(providerIndex.get(id) || 0);
  const everyPoint = [
    ...data.localities.map((l) => [l.latitude, l.longitude]),
    ...data.packages.map((p) => [p.latitude, p.longitude]),
    ...data.bases.map((b) => [b.latitude, b.longitude]),
    ...data.community.map((c) => [c.latitude, c.longitude]),
  ];
  const box = frame(everyPoint);
  const rows = rowsOf(data, hidden, providerName);
  if (!box) return <p>Nothing on the map has a place yet.</p>;
  const { project, height } = projection(box, WIDTH);
  const sites = data.localities.map((l) => project([l.latitude, l.longitude]));
  const cells = voronoiCells(sites, WIDTH, height);
  const areas = [...new Set(data.localities.map((l) => l.area).filter(Boolean))].sort();
  const byProvider = new Map();
  for (const p of data.packages) {
    if (!byProvider.has(p.provider_id)) byProvider.set(p.provider_id, []);
    byProvider.get(p.provider_id).push(project([p.latitude, p.longitude]));
  }
  const drawnProviders = [...byProvider.keys()];
  const counts = `${hidden.has('packages') ? 0 : data.packages.length} packages, ${hidden.has('bases') ? 0 : data.bases.length} bases, ${hidden.has('community') ? 0 : data.community.length} community opportunities`;
  const description = `${data.localities.length} localities (${data.localities.map((l) => l.name).join(', ')}). Drawn: ${counts}${
    data.packages_without_place ? `; ${data.packages_without_place} packages have no place and are not drawn` : ''
  }. The table below lists every point.`;
  return (
    <>
      <p role="status" data-testid="map-counts">
        {counts}.{data.packages_without_place ? ` ${formatNumber(data.packages_without_place)} packages have no place yet and are not drawn.` : ''}
      </p>
      <figure class="care-map">
        <svg viewBox={`0 0 ${WIDTH} ${height.toFixed(1)}`} role="img" aria-labelledby="care-map-title care-map-desc" data-testid="care-map" style="width:100%;height:auto;border:1px solid #b1b4b6;background:#fafafa">
          <title id="care-map-title">Map of care{filter.provider ? `: ${providerName(Number(filter.provider))}` : ''}{filter.service ? `, ${SERVICES[filter.service]}` : ''}</title>
          <desc id="care-map-desc">{description}</desc>
          <g class="map-localities">
            {cells.map((cell, i) => (
              <path d={pathOf(cell)} fill={AREA_FILLS[Math.max(0, areas.indexOf(data.localities[i].area)) % AREA_FILLS.length]} stroke="#8a8f94" stroke-width="1" stroke-dasharray="4 3" data-locality={data.localities[i].name} />
            ))}
          </g>
          {!hidden.has('clusters') && (
            <g class="map-clusters">
              {drawnProviders.map((id) => (
                <path class="map-cluster" d={pathOf(convexHull(byProvider.get(id)))} fill={colour(id)} fill-opacity={focus === null || focus === id ? 0.12 : 0.03} stroke={colour(id)} stroke-width="2" data-provider={id}>
                  <title>{providerName(id)}’s cluster: {byProvider.get(id).length} packages</title>
                </path>
              ))}
            </g>
          )}
          {!hidden.has('packages') && (
            <g class="map-packages">
              {data.packages.map((p) => {
                const [x, y] = project([p.latitude, p.longitude]);
                return (
                  <circle class="map-package" cx={x.toFixed(1)} cy={y.toFixed(1)} r="3" fill={colour(p.provider_id)} opacity={focus === null || focus === p.provider_id ? 0.85 : 0.15} data-provider={p.provider_id}>
                    <title>
                      {personText(p)}: {providerName(p.provider_id)}, {SERVICES[p.service] || p.service}
                    </title>
                  </circle>
                );
              })}
            </g>
          )}
          {!hidden.has('bases') && (
            <g class="map-bases">
              {data.bases.map((b) => {
                const [x, y] = project([b.latitude, b.longitude]);
                return (
                  <rect class="map-base" x={(x - 6).toFixed(1)} y={(y - 6).toFixed(1)} width="12" height="12" fill={colour(b.provider_id)} stroke="#0b0c0c" stroke-width="1.5" data-provider={b.provider_id}>
                    <title>
                      {b.name} ({providerName(b.provider_id)})
                    </title>
                  </rect>
                );
              })}
            </g>
          )}
          {!hidden.has('community') && (
            <g class="map-community">
              {data.community.map((c) => {
                const [x, y] = project([c.latitude, c.longitude]);
                return (
                  <path class="map-opportunity" d={`M${x.toFixed(1)},${(y - 7).toFixed(1)}l7,7l-7,7l-7,-7Z`} fill="#00703c" stroke="#fff" stroke-width="1.5">
                    <title>
                      {c.name}: {c.opening_times}
                    </title>
                  </path>
                );
              })}
            </g>
          )}
          <g class="map-labels" aria-hidden="true">
            {data.localities.map((l, i) => (
              <text x={sites[i][0].toFixed(1)} y={(sites[i][1] - 10).toFixed(1)} text-anchor="middle" font-size="14" font-weight="bold" fill="#0b0c0c" stroke="#fff" stroke-width="3" paint-order="stroke">
                {l.name}
              </text>
            ))}
          </g>
        </svg>
        <figcaption>
          Localities are drawn as the area nearer their centre than any other’s; dashed lines are their edges. Dots are packages and squares providers’ bases, both in the
          provider’s colour; shaded shapes are each provider’s cluster; green diamonds are community opportunities.
        </figcaption>
      </figure>
      {drawnProviders.length > 0 && (
        <section aria-labelledby="map-legend-heading">
          <h2 id="map-legend-heading">Providers on the map</h2>
          <ul class="map-legend" data-testid="map-legend">
            {drawnProviders.map((id) => (
              <li>
                <svg width="14" height="14" aria-hidden="true">
                  <rect width="14" height="14" fill={colour(id)} />
                </svg>{' '}
                <button type="button" class="link-button" aria-pressed={focus === id ? 'true' : 'false'} onClick={() => setFocus(focus === id ? null : id)}>
                  {providerName(id)}
                </button>{' '}
                ({byProvider.get(id).length} packages)
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>The points on the map</h2>
      <ExportButtons table={exportTable(rows, filter, providerName)} what="these points" />
      <TableWrap label="Points on the map">
        <table class="data" data-testid="map-table">
          <caption>Every point drawn on the map</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Name</th>
              <th scope="col">Provider</th>
              <th scope="col">Service</th>
              <th scope="col">Locality</th>
              <th scope="col">Carer hours a week</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 500).map((r) => (
              <tr data-layer={r.layer}>
                <td>{r.layer}</td>
                <td>{r.name}</td>
                <td>{r.provider}</td>
                <td>{r.service}</td>
                <td>{r.locality}</td>
                <td class="num">{r.hours === null ? '' : formatNumber(Math.round(r.hours * 10) / 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {rows.length > 500 && <p data-testid="map-table-more">The first 500 of {formatNumber(rows.length)} points are shown; the download has them all.</p>}
    </>
  );
}
