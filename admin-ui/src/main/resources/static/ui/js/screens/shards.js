// Shards: one server-side page at a time (the service filters and pages, so 100,000 shards cost the
// page no more than 100), searched by id substring and filtered by home.
import * as api from '../api.js';
import { badge, errorBox, h, number, replace, table } from '../dom.js';

const PAGE_SIZE = 100;
const TYPING_PAUSE_MS = 250;

export function render(container, ctx) {
  const search = h('input', { id: 'shard-search', type: 'search', placeholder: 'search shard id', spellcheck: 'false' });
  const home = h('select', { id: 'shard-home' }, h('option', { value: '' }, 'any home'));
  const info = h('span', { id: 'shard-count', class: 'hint' });
  const previous = h('button', { type: 'button', id: 'shard-prev' }, '‹ Previous');
  const next = h('button', { type: 'button', id: 'shard-next' }, 'Next ›');
  const result = h('div', { id: 'shard-result' });
  replace(
    container,
    h('h1', {}, 'Shards'),
    h('div', { class: 'card' }, h('div', { class: 'toolbar' }, search, home, previous, next, info), result),
  );

  const view = { page: 0, total: 0, asked: 0, typing: null };

  async function load() {
    const asked = ++view.asked;
    const query = new URLSearchParams({ page: view.page, size: PAGE_SIZE });
    if (search.value.trim()) query.set('q', search.value.trim());
    if (home.value) query.set('home', home.value);
    try {
      const page = await api.get(`/shards?${query}`);
      if (asked !== view.asked) return; // a newer search has been sent meanwhile
      view.total = page.total;
      show(page);
      // What the table shows, for whoever waits on it (the browser tests).
      result.dataset.query = query.get('q') || '';
      result.dataset.page = page.page;
    } catch (e) {
      if (asked === view.asked) replace(result, errorBox(e));
    }
  }

  function show(page) {
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    info.textContent = `${number(page.total)} shard(s) · page ${page.page + 1} of ${number(pages)} · map version ${page.mapVersion}`;
    previous.disabled = page.page === 0;
    next.disabled = page.page + 1 >= pages;
    const rows = page.items.map((shard) =>
      h(
        'tr',
        { dataset: { shard: shard.shard } },
        h('td', {}, shard.shard),
        h('td', {}, shard.home),
        h('td', {}, shard.critical ? 'yes' : 'no'),
        h('td', {}, badge(displayState(shard)), shard.moveTarget ? ` → ${shard.moveTarget}` : ''),
      ),
    );
    replace(
      result,
      page.items.length ? table(['shard', 'home', 'critical', 'state'], rows, { id: 'shards-table' }) : h('p', { class: 'hint' }, 'No shard matches.'),
    );
  }

  function restart() {
    view.page = 0;
    load();
  }

  search.addEventListener('input', () => {
    clearTimeout(view.typing);
    view.typing = setTimeout(restart, TYPING_PAUSE_MS);
  });
  home.addEventListener('change', restart);
  previous.addEventListener('click', () => {
    view.page = Math.max(0, view.page - 1);
    load();
  });
  next.addEventListener('click', () => {
    view.page += 1;
    load();
  });

  api
    .get('/sites')
    .then((sites) => home.append(...sites.map((x) => h('option', { value: x.site }, x.site)), h('option', { value: '#LOCAL' }, '#LOCAL')))
    .catch((e) => ctx.status(e.message));
  const initial = ctx.params.get('q');
  if (initial) search.value = initial;
  load();
  return () => clearTimeout(view.typing);
}

/** ACTIVE, FENCED, or MOVING while a move runs but has not fenced yet. */
function displayState(shard) {
  return shard.state === 'ACTIVE' && shard.moveTarget ? 'MOVING' : shard.state;
}
