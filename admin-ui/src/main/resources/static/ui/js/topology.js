// The replication topology as a small SVG: sites as nodes on a circle, each link an arrow from its
// source to its target, bent to one side so both directions of a pair stay visible, coloured by state.
import { s, stateClass } from './dom.js';

const SIZE = 320;
const RADIUS = 26;

/** @param states optional site name -> state (ACTIVE, DOWN, JOINING...): a DOWN site is drawn crossed out */
export function topology(siteNames, links, states = {}) {
  const names = [...new Set([...siteNames, ...links.flatMap((l) => l.id.split('->'))])].sort();
  const places = place(names);
  const svg = s('svg', {
    class: 'topology',
    viewBox: `0 0 ${SIZE} ${SIZE}`,
    role: 'img',
    'aria-label': `replication topology: ${names.length} sites, ${links.length} links`,
  });
  svg.append(markers());
  for (const link of links) {
    const [from, to] = link.id.split('->');
    if (places.has(from) && places.has(to) && from !== to) svg.append(arrow(link, places.get(from), places.get(to)));
  }
  for (const name of names) svg.append(node(name, places.get(name), siteNames.includes(name), states[name]));
  return svg;
}

function place(names) {
  const places = new Map();
  const centre = SIZE / 2;
  const orbit = names.length === 1 ? 0 : SIZE / 2 - RADIUS - 24;
  names.forEach((name, i) => {
    const angle = Math.PI + (2 * Math.PI * i) / names.length;
    places.set(name, { x: centre + orbit * Math.cos(angle), y: centre + orbit * Math.sin(angle) });
  });
  return places;
}

function markers() {
  const defs = s('defs');
  for (const state of ['online', 'offline', 'offline-error', 'unknown']) {
    defs.append(
      s('marker', {
        id: `arrow-state-${state}`,
        class: `state-${state}`,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      }, s('path', { d: 'M0,0 L10,5 L0,10 z' })),
    );
  }
  return defs;
}

function arrow(link, a, b) {
  const state = (link.status && link.status.state) || 'UNKNOWN';
  const cls = stateClass(state);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  const ux = dx / length;
  const uy = dy / length;
  // Start and end on the node circles, bend to the left of the direction of travel.
  const start = { x: a.x + ux * RADIUS - uy * 8, y: a.y + uy * RADIUS + ux * 8 };
  const end = { x: b.x - ux * (RADIUS + 2) - uy * 8, y: b.y - uy * (RADIUS + 2) + ux * 8 };
  const bend = { x: (a.x + b.x) / 2 - uy * 28, y: (a.y + b.y) / 2 + ux * 28 };
  const known = ['state-online', 'state-offline', 'state-offline-error'].includes(cls) ? cls : 'state-unknown';
  return s(
    'path',
    {
      class: `link ${cls}`,
      d: `M${start.x},${start.y} Q${bend.x},${bend.y} ${end.x},${end.y}`,
      'marker-end': `url(#arrow-${known})`,
      dataset: { link: link.id },
    },
    s('title', {}, `${link.id}: ${state}`),
  );
}

function node(name, at, registered, state) {
  const unusual = state && state !== 'ACTIVE' ? ` ${state.toLowerCase()}` : '';
  return s(
    'g',
    { class: (registered ? 'site' : 'site unregistered') + unusual, transform: `translate(${at.x},${at.y})` },
    s('circle', { r: RADIUS }),
    s('text', { 'text-anchor': 'middle', dy: '0.35em' }, name),
    state === 'DOWN' ? s('text', { class: 'site-state', 'text-anchor': 'middle', dy: '1.6em' }, 'DOWN') : null,
    s('title', {}, registered ? `site ${name}${state ? ` (${state})` : ''}` : `site ${name} (not registered)`),
  );
}
