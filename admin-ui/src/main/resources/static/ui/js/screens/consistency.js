// Consistency: check shards' copies against their homes (admins start checks), see which tables and rows
// differ, and re-seed a damaged copy from its home with a progress bar. Opened from a link's DATA_DIVERGED
// stop with ?shard=...&site=... filled in.
import * as api from '../api.js';
import { badge, errorBox, h, number, replace, table, time } from '../dom.js';

const REFRESH_MS = 1500;

export function render(container, ctx) {
  const notice = h('div', { class: 'notice' });
  const detail = h('div', { id: 'check-detail' });
  const reseeds = h('div', { class: 'card', id: 'reseeds' });
  const checks = h('div', { class: 'card', id: 'checks' });
  let selected = ctx.params.get('check');
  const select = (id) => {
    selected = id;
    refresh();
  };
  replace(
    container,
    h('h1', {}, 'Consistency'),
    ctx.admin ? requestForm(ctx.params, notice, select, () => refresh()) : null,
    notice,
    detail,
    reseeds,
    checks,
  );

  async function refresh() {
    try {
      const [checkList, reseedList] = await Promise.all([api.get('/checks'), api.get('/reseeds')]);
      replace(checks, h('h2', {}, 'Checks'), checkTable(checkList, select));
      replace(reseeds, h('h2', {}, 'Re-seeds'), reseedTable(reseedList));
      if (selected) replace(detail, checkDetail(await api.get(`/checks/${encodeURIComponent(selected)}`), ctx, notice, refresh));
    } catch (e) {
      replace(notice, errorBox(e));
    }
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => clearInterval(timer);
}

function requestForm(params, notice, select, refresh) {
  const shards = h('input', { id: 'check-shards', placeholder: 'shards, comma separated (empty: all)', spellcheck: 'false', value: params.get('shard') || '' });
  const site = h('input', { id: 'check-site', placeholder: 'copy site (empty: every copy)', spellcheck: 'false', value: params.get('site') || '' });
  const check = h('button', { type: 'submit', id: 'check-start' }, 'Check');
  const reseed = h('button', { type: 'button', id: 'reseed-start', class: 'danger' }, 'Re-seed copy');
  const form = h('form', { class: 'card toolbar', id: 'check-form' }, h('label', {}, 'Shards ', shards), h('label', {}, 'at site ', site), check, reseed);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const names = shards.value.split(',').map((x) => x.trim()).filter(Boolean);
    const body = names.length ? { shards: names } : { all: true };
    if (site.value.trim()) body.site = site.value.trim();
    check.disabled = true;
    try {
      const started = await api.post('/checks', body);
      replace(notice);
      select(started.id);
    } catch (e) {
      replace(notice, errorBox(e));
    } finally {
      check.disabled = false;
    }
  });
  reseed.addEventListener('click', async () => {
    const shard = shards.value.trim();
    const at = site.value.trim();
    if (!shard || shard.includes(',') || !at) {
      replace(notice, h('div', { class: 'error-box', role: 'alert' }, 'Name one shard and the site whose copy to rebuild.'));
      return;
    }
    if (!window.confirm(`Rebuild the copy of ${shard} at ${at} from its home? The copy is dropped and reloaded; the link leaves ${shard} out meanwhile.`)) return;
    try {
      const started = await api.post(`/shards/${encodeURIComponent(shard)}/reseeds`, { site: at });
      replace(notice, h('div', { class: 'ok-box' }, `Re-seed ${started.id} of ${shard} at ${at} started.`));
      refresh();
    } catch (e) {
      replace(notice, errorBox(e));
    }
  });
  return form;
}

function checkTable(list, select) {
  if (list.length === 0) return h('p', { class: 'hint' }, 'No check yet.');
  const rows = list.map((c) =>
    h(
      'tr',
      { dataset: { check: c.id } },
      h('td', {}, h('a', { href: `#/consistency?check=${encodeURIComponent(c.id)}`, onclick: (e) => { e.preventDefault(); select(c.id); } }, c.id)),
      h('td', {}, c.all ? 'all shards' : c.shards.join(', ')),
      h('td', {}, c.site || 'every copy'),
      h('td', {}, badge(c.state)),
      h('td', { class: 'num' }, `${c.summary.different} differ, ${c.summary.same} same${c.summary.notChecked ? `, ${c.summary.notChecked} not checked` : ''}`),
      h('td', {}, time(c.requestedAt)),
      h('td', {}, c.requestedBy),
    ),
  );
  return table(['check', 'shards', 'site', 'state', 'result', 'requested', 'by'], rows, { id: 'checks-table' });
}

function checkDetail(check, ctx, notice, refresh) {
  const parts = check.parts.map((part) =>
    h(
      'div',
      { class: 'check-part', dataset: { link: part.link, state: part.state } },
      h('h3', {}, `Link ${part.link} `, badge(part.state), part.tablesTotal ? ` tables ${part.tablesDone}/${part.tablesTotal}` : ''),
      part.error ? h('p', { class: 'error' }, part.error) : null,
      part.results.map((r) => shardResult(r, ctx, notice, refresh)),
    ),
  );
  return h('div', { class: 'card', dataset: { check: check.id, state: check.state } }, h('h2', {}, `Check ${check.id} `, badge(check.state)), parts);
}

function shardResult(r, ctx, notice, refresh) {
  const different = r.status === 'DIFFERENT';
  return h(
    'div',
    { class: `shard-result ${different ? 'differs' : ''}`, dataset: { shard: r.shard, site: r.site, status: r.status } },
    h('p', {}, h('strong', {}, `${r.shard} at ${r.site}`), ` (home ${r.home}, at ${r.gtid || '–'}): `, badge(r.status), ` ${r.tablesCompared} tables, ${number(r.rows)} rows`, r.note ? ` — ${r.note}` : ''),
    r.tables.length ? table(['table', 'status', 'missing at copy', 'extra at copy', 'different', 'note'], r.tables.map(tableRow)) : null,
    different && ctx.admin ? reseedButton(r.shard, r.site, notice, refresh) : null,
  );
}

function tableRow(t) {
  const rows = (x) => (x.count ? `${number(x.count)}: ${x.keys.join(' | ')}${x.count > x.keys.length ? ' …' : ''}` : '');
  const definitions = t.homeDefinition || t.copyDefinition
    ? h('details', {}, h('summary', {}, 'definitions'), h('pre', {}, `home: ${t.homeDefinition || '(none)'}\ncopy: ${t.copyDefinition || '(none)'}`))
    : null;
  return h('tr', { dataset: { table: t.table } }, h('td', {}, t.table), h('td', {}, badge(t.status)), h('td', {}, rows(t.missing)), h('td', {}, rows(t.extra)), h('td', {}, rows(t.different)), h('td', {}, t.note, definitions));
}

function reseedButton(shard, site, notice, refresh) {
  const start = async () => {
    if (!window.confirm(`Rebuild the copy of ${shard} at ${site} from its home?`)) return;
    try {
      const started = await api.post(`/shards/${encodeURIComponent(shard)}/reseeds`, { site });
      replace(notice, h('div', { class: 'ok-box' }, `Re-seed ${started.id} of ${shard} at ${site} started.`));
      refresh();
    } catch (e) {
      replace(notice, errorBox(e));
    }
  };
  return h('button', { type: 'button', class: 'reseed danger', dataset: { shard, site }, onclick: start }, `Re-seed ${shard} at ${site}`);
}

function reseedTable(list) {
  if (list.length === 0) return h('p', { class: 'hint' }, 'No re-seed yet.');
  const rows = list.map((r) =>
    h(
      'tr',
      { dataset: { reseed: r.id, state: r.state } },
      h('td', {}, r.id),
      h('td', {}, `${r.shard} at ${r.site} from ${r.home}`),
      h('td', {}, badge(r.state)),
      h('td', {}, r.phase),
      h('td', {}, progress(r)),
      h('td', {}, r.error ? h('span', { class: 'error' }, r.error) : r.gtid ? `copied at ${r.gtid}` : ''),
      h('td', {}, time(r.requestedAt)),
    ),
  );
  return table(['re-seed', 'copy', 'state', 'phase', 'rows', 'outcome', 'requested'], rows, { id: 'reseeds-table' });
}

function progress(r) {
  const total = Math.max(r.rowsEstimated, r.rowsCopied, 1);
  const pct = r.state === 'DONE' ? 100 : Math.min(100, Math.floor((100 * r.rowsCopied) / total));
  return h('div', { class: 'progress', title: `${number(r.rowsCopied)} of about ${number(total)} rows` }, h('div', { class: 'bar', style: `width:${pct}%` }), h('span', {}, `${pct}% ${number(r.rowsCopied)} rows`));
}
