// Import: paste or upload a CSV map, choose replace or merge, preview the dry-run diff (or every error
// with its line and column), then apply exactly what was previewed (If-Match on the previewed version).
import * as api from '../api.js';
import { errorBox, h, replace, table } from '../dom.js';

export const adminOnly = true;
const SHOWN = 500; // lines per diff section; a replace of a big map can change thousands

export function render(container) {
  const text = h('textarea', { id: 'import-text', rows: 12, spellcheck: 'false', placeholder: 'shard_id master critical\nacme     sjc    false' });
  const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,text/csv,text/plain' });
  const replaceMode = h('input', { type: 'radio', name: 'import-mode', value: 'replace', id: 'import-replace' });
  const mergeMode = h('input', { type: 'radio', name: 'import-mode', value: 'merge', id: 'import-merge', checked: true });
  const dryRun = h('button', { type: 'button', id: 'import-dry-run' }, 'Preview (dry run)');
  const apply = h('button', { type: 'button', id: 'import-apply', class: 'danger', disabled: true }, 'Apply');
  const result = h('div', { id: 'import-result' });
  replace(
    container,
    h('h1', {}, 'Import a shard map'),
    h(
      'div',
      { class: 'card' },
      h('p', { class: 'hint' }, 'The format of ', h('code', {}, 'shardhome shard list'), ': one "shard_id master critical" line per shard, # comments allowed.'),
      text,
      h(
        'div',
        { class: 'toolbar' },
        h('label', {}, 'Upload ', file),
        h('label', { title: 'shards missing from the file are removed' }, replaceMode, ' replace the map'),
        h('label', { title: "the file's shards are added or changed, others kept" }, mergeMode, ' merge into the map'),
        dryRun,
        apply,
      ),
    ),
    result,
  );

  let preview = null; // {csv, mode, baseVersion} of the last successful dry run

  const mode = () => (replaceMode.checked ? 'replace' : 'merge');
  const invalidate = () => {
    preview = null;
    apply.disabled = true;
  };
  text.addEventListener('input', invalidate);
  replaceMode.addEventListener('change', invalidate);
  mergeMode.addEventListener('change', invalidate);
  file.addEventListener('change', async () => {
    if (!file.files.length) return;
    text.value = await file.files[0].text();
    invalidate();
  });

  dryRun.addEventListener('click', async () => {
    invalidate();
    const csv = text.value;
    try {
      const diff = await send(mode(), csv, true);
      preview = { csv, mode: mode(), baseVersion: diff.baseVersion };
      apply.disabled = diff.changes.length === 0;
      replace(result, diffView(diff, `Preview against map version ${diff.baseVersion}: ${diff.summary}`));
    } catch (e) {
      replace(result, failure(e, text));
    }
  });

  apply.addEventListener('click', async () => {
    if (!preview) return;
    apply.disabled = true;
    try {
      const done = await send(preview.mode, preview.csv, false, preview.baseVersion);
      replace(result, diffView(done, `Applied: map version ${done.newVersion} (${done.summary})`, 'import-applied'));
    } catch (e) {
      replace(result, failure(e, text));
    }
    preview = null;
  });
}

function send(mode, csv, dry, ifMatch) {
  return api.sendCsv(mode === 'replace' ? 'PUT' : 'POST', `/shard-map${dry ? '?dryRun=true' : ''}`, csv, ifMatch);
}

/** Selects the line of an error in the text, so the user sees what to fix. */
function showLine(text, line) {
  const lines = text.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, x) => n + x.length + 1, 0);
  text.focus();
  text.setSelectionRange(start, start + (lines[line - 1] || '').length);
}

function failure(e, text) {
  const errors = (e.problem && e.problem.errors) || [];
  const stale = e.status === 412 ? h('p', {}, 'The map changed since the preview; run the dry run again and check the diff.') : null;
  if (e.code !== 'INVALID_MAP' || errors.length === 0) return h('div', { class: 'card' }, errorBox(e), stale);
  const rows = errors.map((x) =>
    h('tr', { class: 'clickable', title: 'show this line', onclick: () => showLine(text, x.line) }, h('td', { class: 'num' }, x.line), h('td', { class: 'num' }, x.column), h('td', {}, x.message)),
  );
  return h(
    'div',
    { class: 'card', id: 'import-errors' },
    errorBox(e),
    table(['line', 'column', 'error'], rows, { class: 'errors' }),
  );
}

function diffView(diff, heading, id = 'import-preview') {
  const line = (x) => `${x.shard} ${x.home} ${x.critical}`;
  const section = (title, cls, items) =>
    items.length
      ? [
          h('h3', {}, `${title} (${items.length})`),
          h('ul', { class: `diff ${cls}` }, items.slice(0, SHOWN).map((x) => h('li', {}, x))),
          items.length > SHOWN ? h('p', { class: 'hint' }, `… and ${items.length - SHOWN} more`) : null,
        ]
      : [];
  return h(
    'div',
    { class: 'card', id },
    h('h2', {}, heading),
    diff.changes.length === 0 ? h('p', {}, 'No change: the map already says this.') : null,
    section('Added', 'added', diff.added.map(line)),
    section('Removed', 'removed', diff.removed.map(line)),
    section('Changed', 'changed', diff.changed.map((c) => `${c.shard}: ${line(c.before)} → ${line(c.after)}`)),
  );
}
