// Small DOM helpers: elements are built with h(), never with innerHTML, so data is never parsed as markup.

const SVG = 'http://www.w3.org/2000/svg';

export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function s(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A state badge; the class drives its colour (ONLINE green, OFFLINE grey, OFFLINE:ERROR red, ...). */
export function badge(state) {
  const text = state || 'UNKNOWN';
  return h('span', { class: `badge ${stateClass(text)}` }, text);
}

export function stateClass(state) {
  return `state-${String(state || 'unknown').toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

export function table(headers, rows, attrs = {}) {
  return h('table', attrs, h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))), h('tbody', {}, rows));
}

export function time(value) {
  if (!value) return '';
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function number(value) {
  return value === undefined || value === null || value === '' ? '–' : Number(value).toLocaleString();
}

/** Shows an error of an API call where the user looks, with what the service said to do. */
export function errorBox(error) {
  const problem = error.problem || {};
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('strong', {}, problem.code || (error.status ? `HTTP ${error.status}` : 'Error')),
    ' ',
    error.message,
  );
}
