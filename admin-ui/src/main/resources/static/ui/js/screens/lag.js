// Lag of each link over the last hour (or a shorter window) as small SVG charts, from the history the
// service keeps, redrawn whenever the background poll brings samples: seconds behind (solid) and
// transactions behind (dashed), each scaled to its own maximum; shaded where the link was offline or its
// status was stale (its instance gone or silent).
import { badge, h, replace, s, stateClass } from '../dom.js';
import { WINDOW_MS } from '../lag-history.js';

const WIDTH = 560;
const HEIGHT = 140;
const PAD = { left: 44, right: 44, top: 10, bottom: 22 };

export function render(container, ctx) {
  const charts = h('div', { id: 'lag-charts', class: 'charts' });
  const span = h('select', { id: 'lag-window' }, WINDOWS.map(([label, ms]) => h('option', { value: ms, selected: ms === WINDOW_MS }, label)));
  replace(
    container,
    h('h1', {}, 'Link lag'),
    h(
      'div',
      { class: 'toolbar' },
      h('label', {}, 'Show ', span),
      h('span', { id: 'lag-source', class: 'hint' }, source(ctx.history)),
    ),
    charts,
  );
  const draw = () => {
    const now = Date.now();
    replace(container.querySelector('#lag-source'), source(ctx.history));
    const windowMs = Number(span.value);
    const ids = ctx.history.linkIds();
    replace(
      charts,
      ids.length === 0
        ? h('p', { class: 'hint' }, 'No link has published a status yet.')
        : ids.map((id) => chart(id, ctx.history.samples(id, now).filter((p) => p.t > now - windowMs), now, windowMs)),
    );
  };
  span.addEventListener('change', draw);
  draw();
  return ctx.history.onChange(draw);
}

function source(history) {
  const every = history.intervalMs ? ` every ${history.intervalMs / 1000} s` : '';
  return `Sampled by the service${every} from the links' published status over the last hour (since the instance started, if later).`;
}

const WINDOWS = [
  ['last 5 minutes', 5 * 60 * 1000],
  ['last 15 minutes', 15 * 60 * 1000],
  ['last hour', WINDOW_MS],
];

function chart(id, samples, now, windowMs) {
  const last = samples[samples.length - 1];
  const maxSeconds = niceMax(samples.map((x) => x.seconds));
  const maxTx = niceMax(samples.map((x) => x.transactions));
  const x = (t) => PAD.left + ((t - (now - windowMs)) / windowMs) * (WIDTH - PAD.left - PAD.right);
  const minutes = windowMs / 60000;
  const y = (v, max) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const svg = s('svg', { class: 'lag-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `lag of ${id}` });
  svg.append(
    s('rect', { class: 'plot', x: PAD.left, y: PAD.top, width: WIDTH - PAD.left - PAD.right, height: HEIGHT - PAD.top - PAD.bottom }),
    s('text', { class: 'axis seconds', x: PAD.left - 4, y: PAD.top + 10, 'text-anchor': 'end' }, `${maxSeconds} s`),
    s('text', { class: 'axis seconds', x: PAD.left - 4, y: HEIGHT - PAD.bottom, 'text-anchor': 'end' }, '0'),
    s('text', { class: 'axis transactions', x: WIDTH - PAD.right + 4, y: PAD.top + 10 }, `${maxTx} tx`),
    s('text', { class: 'axis', x: PAD.left, y: HEIGHT - 6 }, `-${minutes} min`),
    s('text', { class: 'axis', x: (PAD.left + WIDTH - PAD.right) / 2, y: HEIGHT - 6, 'text-anchor': 'middle' }, `-${minutes / 2} min`),
    s('text', { class: 'axis', x: WIDTH - PAD.right, y: HEIGHT - 6, 'text-anchor': 'end' }, 'now'),
    bands(samples, x, now),
    line(samples, 'seconds', (p) => `${x(p.t)},${y(p.seconds, maxSeconds)}`),
    line(samples, 'transactions', (p) => `${x(p.t)},${y(p.transactions, maxTx)}`),
  );
  return h(
    'div',
    { class: 'card chart', dataset: { link: id } },
    h('h2', {}, id, ' ', last ? badge(last.state) : ''),
    h('p', { class: 'hint' }, last ? `now ${last.seconds ?? '?'} s, ${last.transactions ?? '?'} tx behind · ${samples.length} samples` : 'no sample in the last hour'),
    svg,
  );
}

/** Shaded spans where the link was not ONLINE (grey OFFLINE, red OFFLINE:ERROR, hatched STALE): lag is not measured there. */
function bands(samples, x, now) {
  const group = s('g', { class: 'bands' });
  samples.forEach((p, i) => {
    if (p.state === 'ONLINE') return;
    const end = i + 1 < samples.length ? samples[i + 1].t : now;
    group.append(
      s('rect', { class: `band ${stateClass(p.state)}`, x: x(p.t), y: PAD.top, width: Math.max(1, x(end) - x(p.t)), height: HEIGHT - PAD.top - PAD.bottom },
        s('title', {}, p.state)),
    );
  });
  return group;
}

function line(samples, field, point) {
  const known = samples.filter((p) => p[field] !== null);
  return s('polyline', { class: `series ${field}`, points: known.map(point).join(' ') });
}

/** A round upper bound for the axis, at least 1. */
function niceMax(values) {
  const max = Math.max(1, ...values.filter((v) => v !== null));
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= max);
}
