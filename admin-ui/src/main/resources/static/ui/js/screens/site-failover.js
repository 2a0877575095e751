// Site failover on the Sites page (admins): plan a dead site's failover (dry run: each shard's new home and
// its loss line), carry it out, and bring the site back: return (fence, orphans) and activate.
import * as api from '../api.js';
import { errorBox, h, number, replace, table, time } from '../dom.js';

/** The action buttons of one site's row, by its state. */
export function siteActions(site, panel, notice, refresh) {
  const name = site.site;
  if (site.state === 'ACTIVE' || site.state === 'DRAINING') {
    return h('button', { type: 'button', class: 'site-failover-plan danger', onclick: () => plan(name, panel, notice, refresh) }, 'Fail over…');
  }
  if (site.state === 'DOWN') {
    return h('button', { type: 'button', class: 'site-return', onclick: () => bringBack(name, panel, notice, refresh) }, 'Return (fence, orphans)');
  }
  if (site.state === 'JOINING') {
    return h('button', { type: 'button', class: 'site-activate', onclick: () => activate(name, notice, refresh) }, 'Activate');
  }
  return null;
}

async function plan(name, panel, notice, refresh) {
  try {
    const report = await api.post(`/sites/${encodeURIComponent(name)}/failover?dryRun=true`);
    const run = async () => {
      if (!window.confirm(`Mark ${name} DOWN and re-home its ${report.shards.length} shard(s)? Only do this when ${name} is really dead.`)) return;
      try {
        const done = await api.post(`/sites/${encodeURIComponent(name)}/failover`);
        show(panel, h('h2', {}, `Failover of ${name}: done in ${number(done.tookMillis)} ms`), lossReport(done));
        refresh();
      } catch (e) {
        replace(notice, errorBox(e));
      }
    };
    show(panel,
      h('h2', {}, `Failover plan for ${name} (dry run)`),
      lossReport(report),
      h('button', { type: 'button', class: 'site-failover-run danger', onclick: run }, `Fail ${name} over now`),
    );
  } catch (e) {
    replace(notice, errorBox(e));
  }
}

function lossReport(report) {
  const rows = report.shards.map((s) =>
    h('tr', { dataset: { shard: s.shard } }, h('td', {}, s.shard), h('td', {}, s.newHome), h('td', { class: 'num' }, s.unshipped < 0 ? '?' : number(s.unshipped)), h('td', {}, s.summary)),
  );
  return h(
    'div',
    { class: 'failover-report' },
    h('p', {}, `last known position of ${report.site}: ${report.lastKnown || 'unknown'}`),
    (report.warnings || []).map((w) => h('div', { class: 'notice' }, `warning: ${w}`)),
    table(['shard', 'new home', 'unshipped', 'loss report'], rows, { id: 'failover-report' }),
  );
}

async function bringBack(name, panel, notice, refresh) {
  try {
    const back = await api.post(`/sites/${encodeURIComponent(name)}/return`);
    const rows = back.orphans.map((o) =>
      h(
        'tr',
        { dataset: { gtid: o.gtid } },
        h('td', {}, o.gtid),
        h('td', {}, o.shard),
        h('td', {}, Object.entries(o.rows).map(([t, n]) => `${t}: ${number(n)}`).join(', ')),
        h('td', {}, o.missingAt.join(', ')),
        h('td', {}, o.committedAt ? time(o.committedAt) : ''),
      ),
    );
    show(panel,
      h('h2', {}, `${name} returned: fenced, ${back.state}`),
      h('p', {}, `${number(back.totalOrphans)} orphan(s) after ${back.from || 'the start'} (never applied)${back.totalOrphans > back.orphans.length ? `; the first ${back.orphans.length} are listed` : ''}`),
      table(['GTID', 'shard', 'rows', 'missing at', 'committed'], rows, { id: 'orphans' }),
      h('p', {}, `re-seed at ${name}: ${back.reseed.join(', ') || 'nothing'}`, ' ', h('a', { href: '#/consistency' }, 'Consistency page')),
      h('p', { class: 'hint' }, back.next),
    );
    refresh();
  } catch (e) {
    replace(notice, errorBox(e));
  }
}

async function activate(name, notice, refresh) {
  if (!window.confirm(`Activate ${name}? Re-seed its copies first; its orphans stay behind.`)) return;
  try {
    const done = await api.post(`/sites/${encodeURIComponent(name)}/activate`);
    replace(notice, h('div', { class: 'ok-box' }, `${name} is ACTIVE; its links start after ${done.linksStartAfter}.`));
    refresh();
  } catch (e) {
    replace(notice, errorBox(e));
  }
}

function show(panel, ...children) {
  panel.className = 'card failover-panel';
  replace(panel, ...children);
}
