// Sites and links: the registry, each link's published status (the pending error in full), online and
// offline buttons for admins, and the topology picture. Refreshes while shown.
import * as api from '../api.js';
import { badge, errorBox, h, number, replace, table, time } from '../dom.js';
import { topology } from '../topology.js';
import { siteActions } from './site-failover.js';

const REFRESH_MS = 2500;

export function render(container, ctx) {
  const picture = h('div', { class: 'card topology-card' });
  const siteList = h('div', { class: 'card' });
  const linkList = h('div', { class: 'card' });
  const failover = h('div', { class: 'failover-panel' });
  const notice = h('div', { class: 'notice' });
  replace(container, h('h1', {}, 'Sites & links'), notice, h('div', { class: 'columns' }, picture, siteList), failover, linkList);

  async function refresh() {
    try {
      const [sites, links] = await Promise.all([api.get('/sites'), api.get('/links')]);
      replace(notice);
      const states = Object.fromEntries(sites.map((x) => [x.site, x.state]));
      replace(picture, h('h2', {}, 'Topology'), topology(sites.map((x) => x.site), links, states), legend());
      const actions = ctx.admin ? (site) => siteActions(site, failover, notice, refresh) : null;
      replace(siteList, h('h2', {}, `Sites (${sites.length})`), siteTable(sites, links, actions));
      replace(linkList, h('h2', {}, `Links (${links.length})`), linkTable(links, ctx, notice, refresh));
    } catch (e) {
      replace(notice, errorBox(e));
    }
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => clearInterval(timer);
}

function legend() {
  return h(
    'p',
    { class: 'legend' },
    ['ONLINE', 'OFFLINE', 'OFFLINE:ERROR'].map((state) => [badge(state), ' ']),
  );
}

function siteTable(sites, links, actions) {
  const rows = sites.map((site) =>
    h(
      'tr',
      { dataset: { site: site.site } },
      h('td', {}, site.site),
      h('td', {}, `${site.host}:${site.port}`, site.jdbcParams ? h('span', { class: 'hint' }, ` ?${site.jdbcParams}`) : ''),
      h('td', {}, site.region || ''),
      h('td', {}, badge(site.state)),
      h('td', {}, links.filter((l) => l.id.startsWith(`${site.site}->`)).map((l) => l.id.split('->')[1]).join(', ') || '–'),
      h('td', {}, links.filter((l) => l.id.endsWith(`->${site.site}`)).map((l) => l.id.split('->')[0]).join(', ') || '–'),
      actions ? h('td', { class: 'actions' }, actions(site)) : null,
    ),
  );
  const headers = ['site', 'endpoint', 'region', 'state', 'links to', 'links from'];
  if (actions) headers.push('');
  return table(headers, rows, { id: 'sites-table' });
}

function linkTable(links, ctx, notice, refresh) {
  if (links.length === 0) {
    return h('p', { class: 'hint' }, 'No link has published a status yet. Links run in instances configured with shardhome.links.run.');
  }
  const rows = links.flatMap((link) => linkRows(link, ctx, notice, refresh));
  const headers = ['link', 'state', 'lag s', 'lag tx', 'applied', 'dropped', 'published'];
  if (ctx.admin) headers.push('');
  return table(headers, rows, { id: 'links-table' });
}

function linkRows(link, ctx, notice, refresh) {
  const st = link.status || {};
  const dropped = Object.entries(st.dropped || {});
  const row = h(
    'tr',
    { class: 'link-row', dataset: { link: link.id } },
    h('td', {}, link.id),
    h('td', { class: 'link-state' }, badge(st.state)),
    h('td', { class: 'num' }, number(st.lagSeconds)),
    h('td', { class: 'num' }, st.lagTransactions < 0 ? '?' : number(st.lagTransactions)),
    h('td', { class: 'num' }, number(st.applied)),
    h(
      'td',
      { class: 'num', title: dropped.map(([reason, n]) => `${reason}: ${n}`).join('\n') },
      number(dropped.reduce((sum, [, n]) => sum + Number(n), 0)),
    ),
    h(
      'td',
      { class: link.stale ? 'published stale' : 'published', title: link.publishedAt || '' },
      st.publishedAtMillis ? [time(st.publishedAtMillis), h('span', { class: 'hint age' }, ` (${ago(link.ageMillis)})`)] : '–',
      link.stale ? [' ', h('span', { class: 'badge state-stale', title: link.staleReason }, 'STALE')] : '',
    ),
    ctx.admin ? h('td', { class: 'actions' }, controls(link, notice, refresh)) : null,
  );
  const rows = [row];
  if (link.stale) {
    rows.push(h('tr', { class: 'stale-row', dataset: { link: link.id } }, h('td', { colspan: ctx.admin ? 8 : 7 }, `status is stale (state and lag are the last known): ${link.staleReason}`)));
  }
  if (st.pendingError || st.pendingExceptionMessage) rows.push(errorRow(link, st, ctx, notice, refresh));
  else if (st.lastTransientError) {
    rows.push(h('tr', { class: 'transient' }, h('td', { colspan: ctx.admin ? 8 : 7 }, `last transient error: ${st.lastTransientError}`)));
  }
  if ((st.skips || []).length > 0) rows.push(skipsRow(link, st, ctx.admin ? 8 : 7));
  return rows;
}

/** How long ago, by the service's clock: 3 s ago, 12 min ago, 2 h ago. */
function ago(millis) {
  if (millis === undefined || millis === null || millis < 0) return 'never';
  const seconds = Math.floor(millis / 1000);
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

/** "acme.t: 2 rows, acme.u: 1 row" for a transaction summary's row counts. */
function rowCounts(rows) {
  return Object.entries(rows || {})
    .map(([table, n]) => `${table}: ${n < 0 ? '?' : number(n)} row${n === 1 ? '' : 's'}`)
    .join(', ');
}

function skipsRow(link, st, span) {
  return h(
    'tr',
    { class: 'link-skips', dataset: { link: link.id } },
    h(
      'td',
      { colspan: span },
      'skipped by operators: ',
      h(
        'ul',
        {},
        st.skips.map((skip) =>
          h('li', {}, `${skip.transaction.gtid} (${rowCounts(skip.transaction.rows) || 'no rows'}) by ${skip.by} at ${skip.skippedAt}`),
        ),
      ),
    ),
  );
}

function errorRow(link, st, ctx, notice, refresh) {
  const tx = st.pendingTransaction;
  return h(
    'tr',
    { class: 'pending-error', dataset: { link: link.id } },
    h(
      'td',
      { colspan: ctx.admin ? 8 : 7 },
      h('strong', {}, `${st.pendingError || 'ERROR'}`),
      st.pendingErrorGtid ? ` at GTID ${st.pendingErrorGtid}` : '',
      st.pendingErrorShard ? ` (shard ${st.pendingErrorShard})` : '',
      h('pre', { class: 'pending-message' }, st.pendingExceptionMessage || ''),
      tx
        ? h(
            'p',
            { class: 'pending-transaction' },
            `pending transaction ${tx.gtid}: ${rowCounts(tx.rows) || 'no rows'}${tx.statement ? `; statement: ${tx.statement}` : ''}`,
          )
        : null,
      ctx.admin && st.pendingErrorGtid ? skipButton(link, st.pendingErrorGtid, notice, refresh) : null,
      st.pendingErrorShard && ['DATA_DIVERGED', 'SCHEMA_MISMATCH', 'STATEMENT_LOGGED', 'UNSUPPORTED_EVENT'].includes(st.pendingError)
        ? repairLink(link, st.pendingErrorShard)
        : null,
    ),
  );
}

/** A diverged copy: check it and re-seed it on the Consistency page, shard and site filled in. */
function repairLink(link, shard) {
  const site = link.id.split('->')[1] || '';
  const query = new URLSearchParams({ shard, site });
  return h('a', { class: 'link-repair', href: `#/consistency?${query}` }, ` Check or re-seed ${shard} at ${site}`);
}

function skipButton(link, gtid, notice, refresh) {
  const skip = async () => {
    if (!window.confirm(`Skip transaction ${gtid} on ${link.id}? Its changes will be missing at the copy.`)) return;
    try {
      await api.post(`/links/${encodeURIComponent(link.id)}/skip`, { gtid });
      replace(notice, h('div', { class: 'ok-box' }, `Asked ${link.id} to skip ${gtid}; it resumes within a publish interval.`));
      refresh();
    } catch (e) {
      replace(notice, errorBox(e));
    }
  };
  return h('button', { type: 'button', class: 'link-skip danger', onclick: skip }, `Skip ${gtid}`);
}

function controls(link, notice, refresh) {
  const state = (link.status && link.status.state) || '';
  const action = (desired) => async () => {
    try {
      await api.post(`/links/${encodeURIComponent(link.id)}/${desired}`);
      replace(notice, h('div', { class: 'ok-box' }, `Asked ${link.id} to go ${desired}; the instance running it applies that within a publish interval.`));
      refresh();
    } catch (e) {
      replace(notice, errorBox(e));
    }
  };
  return [
    h('button', { type: 'button', class: 'link-online', disabled: state === 'ONLINE', onclick: action('online') }, 'Online'),
    ' ',
    h('button', { type: 'button', class: 'link-offline danger', disabled: state === 'OFFLINE', onclick: action('offline') }, 'Offline'),
  ];
}
