// Moves: start a move (admins), follow its steps live, see the measured write outage, cancel it before
// the flip; below, every shard's latest move.
import * as api from '../api.js';
import { badge, errorBox, h, replace, table, time } from '../dom.js';

const REFRESH_MS = 1000;
const CANCELLABLE = ['PREFLIGHT', 'FENCING', 'CATCHING_UP'];

export function render(container, ctx) {
  const notice = h('div', { class: 'notice' });
  const detail = h('div', { id: 'move-detail' });
  const list = h('div', { class: 'card' });
  replace(container, h('h1', {}, 'Moves'), ctx.admin ? startForm(notice, select) : null, notice, detail, list);

  let selected = ctx.params.get('id');

  function select(id) {
    selected = id;
    refresh();
  }

  async function refresh() {
    try {
      const moves = await api.get('/moves');
      replace(list, h('h2', {}, 'Latest move of each shard'), moveTable(moves, select));
      if (selected) replace(detail, moveDetail(await api.get(`/moves/${encodeURIComponent(selected)}`), ctx, notice, refresh));
    } catch (e) {
      replace(notice, errorBox(e));
    }
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => clearInterval(timer);
}

function startForm(notice, select) {
  const shard = h('input', { id: 'move-shard', list: 'move-shard-options', placeholder: 'shard id', spellcheck: 'false', required: true });
  const options = h('datalist', { id: 'move-shard-options' });
  const target = h('select', { id: 'move-target', required: true });
  const start = h('button', { type: 'submit', id: 'move-start' }, 'Start move');
  let typing = null;
  shard.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const q = shard.value.trim();
      if (!q) return;
      const page = await api.get(`/shards?${new URLSearchParams({ q, size: 20 })}`).catch(() => ({ items: [] }));
      replace(options, page.items.map((x) => h('option', { value: x.shard }, `home ${x.home}`)));
    }, 250);
  });
  api
    .get('/sites')
    .then((sites) => replace(target, sites.map((x) => h('option', { value: x.site }, x.site))))
    .catch((e) => replace(notice, errorBox(e)));
  const form = h(
    'form',
    { class: 'card toolbar', id: 'move-form' },
    h('label', {}, 'Shard ', shard, options),
    h('label', {}, 'to site ', target),
    start,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    start.disabled = true;
    try {
      const move = await api.post('/moves', { shard: shard.value.trim(), to: target.value });
      replace(notice);
      select(move.id);
    } catch (e) {
      replace(notice, errorBox(e));
    } finally {
      start.disabled = false;
    }
  });
  return form;
}

function moveTable(moves, select) {
  if (moves.length === 0) return h('p', { class: 'hint' }, 'No move yet.');
  const rows = [...moves]
    .sort((a, b) => lastAt(b).localeCompare(lastAt(a)))
    .map((m) =>
      h(
        'tr',
        { dataset: { move: m.id } },
        h('td', {}, h('a', { href: `#/moves?id=${encodeURIComponent(m.id)}`, onclick: (e) => { e.preventDefault(); select(m.id); } }, m.id)),
        h('td', {}, m.shard),
        h('td', {}, `${m.from} → ${m.to}`),
        h('td', {}, badge(m.outcome)),
        h('td', {}, m.phase),
        h('td', { class: 'num' }, m.outcome === 'MOVED' ? `${m.outageMillis} ms` : '–'),
        h('td', {}, time(lastAt(m))),
      ),
    );
  return table(['move', 'shard', 'from → to', 'outcome', 'phase', 'write outage', 'last step'], rows, { id: 'moves-table' });
}

function lastAt(move) {
  const steps = move.steps || [];
  return steps.length ? String(steps[steps.length - 1].at) : '';
}

function moveDetail(move, ctx, notice, refresh) {
  const steps = (move.steps || []).map((step, i, all) =>
    h(
      'li',
      { class: `step phase-${step.phase.toLowerCase()}`, dataset: { phase: step.phase } },
      h('span', { class: 'phase' }, step.phase),
      ' ',
      h('span', { class: 'hint' }, time(step.at), i > 0 ? ` (+${Date.parse(step.at) - Date.parse(all[i - 1].at)} ms)` : ''),
      step.note ? h('div', { class: 'note' }, step.note) : null,
    ),
  );
  const running = move.outcome === 'RUNNING';
  const cancel =
    ctx.admin && running && CANCELLABLE.includes(move.phase) && !move.cancelRequested
      ? h('button', { type: 'button', id: 'move-cancel', class: 'danger', onclick: () => cancelMove(move, notice, refresh) }, 'Cancel move')
      : null;
  return h(
    'div',
    { class: 'card', dataset: { move: move.id, outcome: move.outcome } },
    h('h2', {}, `Move ${move.id}: ${move.shard} ${move.from} → ${move.to} `, badge(move.outcome)),
    h('ol', { class: 'steps' }, steps),
    running ? h('p', { class: 'hint' }, move.cancelRequested ? 'Cancel requested; the move rolls back.' : `In ${move.phase}…`) : null,
    move.outcome === 'MOVED' ? h('p', { class: 'outage', id: 'move-outage' }, `Write outage ${move.outageMillis} ms (fence to unfence).`) : null,
    move.reason ? h('p', { class: 'error' }, `Rolled back: ${move.reason}`) : null,
    cancel,
  );
}

async function cancelMove(move, notice, refresh) {
  try {
    await api.post(`/moves/${encodeURIComponent(move.id)}/cancel`);
    replace(notice, h('div', { class: 'ok-box' }, `Cancel of ${move.id} requested.`));
  } catch (e) {
    replace(notice, errorBox(e));
  }
  refresh();
}
