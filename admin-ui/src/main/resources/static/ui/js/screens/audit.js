// Audit: the latest directory changes, newest first: who, when, what, and each change in detail.
import * as api from '../api.js';
import { errorBox, h, replace, table, time } from '../dom.js';

const LIMITS = [50, 200, 1000];

export function render(container) {
  const limit = h('select', { id: 'audit-limit' }, LIMITS.map((n) => h('option', { value: n }, `last ${n}`)));
  const refresh = h('button', { type: 'button', id: 'audit-refresh' }, 'Refresh');
  const result = h('div', { id: 'audit-result' });
  replace(container, h('h1', {}, 'Audit'), h('div', { class: 'card' }, h('div', { class: 'toolbar' }, limit, refresh), result));

  async function load() {
    try {
      const records = await api.get(`/audit?limit=${limit.value}`);
      replace(result, records.length ? table(['version', 'when', 'who', 'what', 'changes'], records.map(row), { id: 'audit-table' }) : h('p', { class: 'hint' }, 'No change recorded yet.'));
    } catch (e) {
      replace(result, errorBox(e));
    }
  }

  limit.addEventListener('change', load);
  refresh.addEventListener('click', load);
  load();
}

function row(record) {
  const changes = record.changes || [];
  const more = (record.totalChanges || changes.length) - changes.length;
  return h(
    'tr',
    {},
    h('td', { class: 'num' }, record.mapVersion),
    h('td', {}, time(record.at)),
    h('td', {}, record.actor),
    h('td', {}, h('code', {}, record.action), record.summary ? h('div', { class: 'hint' }, record.summary) : null),
    h(
      'td',
      {},
      changes.length === 0
        ? '–'
        : h(
            'details',
            {},
            h('summary', {}, `${record.totalChanges || changes.length} change(s)`),
            h('ul', { class: 'changes' }, changes.map((c) => h('li', {}, h('code', {}, c.subject), `: ${c.before || '∅'} → ${c.after || '∅'}`))),
            more > 0 ? h('p', { class: 'hint' }, `… and ${more} more`) : null,
          ),
    ),
  );
}
