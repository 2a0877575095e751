// The page shell: login, the caller's role, hash routing between screens and the background poll of the
// service's lag history (GET /links/history, the last hour as the service sampled it).
import * as api from './api.js';
import { h, replace } from './dom.js';
import { LagHistory } from './lag-history.js';
import * as sites from './screens/sites.js';
import * as shards from './screens/shards.js';
import * as importer from './screens/import.js';
import * as moves from './screens/moves.js';
import * as lag from './screens/lag.js';
import * as audit from './screens/audit.js';
import * as consistency from './screens/consistency.js';

const SCREENS = { sites, shards, import: importer, moves, lag, consistency, audit };
const LINK_POLL_MS = 5000;

const ui = {
  role: null,
  history: new LagHistory(),
  cleanup: null,
  poller: null,
};

const $ = (id) => document.getElementById(id);

function showLogin(message = '') {
  stopScreen();
  clearInterval(ui.poller);
  ui.role = null;
  $('nav').hidden = true;
  $('logout').hidden = true;
  $('screen').hidden = true;
  $('who').textContent = '';
  $('login').hidden = false;
  $('login-error').textContent = message;
  document.body.className = '';
}

async function enter() {
  try {
    ui.role = await api.role();
  } catch (e) {
    showLogin(e.message);
    return;
  }
  const admin = ui.role === 'admin';
  document.body.className = admin ? 'role-admin' : 'role-reader';
  $('login').hidden = true;
  $('nav').hidden = false;
  $('logout').hidden = false;
  $('screen').hidden = false;
  $('who').textContent = `signed in as ${ui.role}`;
  for (const link of document.querySelectorAll('#nav .admin-only')) link.hidden = !admin;
  pollLinks();
  ui.poller = setInterval(pollLinks, LINK_POLL_MS);
  route();
}

async function pollLinks() {
  try {
    ui.history.load(await api.get(ui.history.nextRequest()));
    status('');
  } catch (e) {
    status(`link history unavailable: ${e.message}`);
  }
}

function stopScreen() {
  if (ui.cleanup) ui.cleanup();
  ui.cleanup = null;
}

function route() {
  if (!ui.role) return;
  const name = (location.hash.match(/^#\/([a-z]+)/) || [])[1];
  const admin = ui.role === 'admin';
  const screen = SCREENS[name] && (admin || !SCREENS[name].adminOnly) ? name : 'sites';
  if (`#/${screen}` !== location.hash.split('?')[0]) {
    location.replace(`#/${screen}`);
    return;
  }
  stopScreen();
  for (const link of document.querySelectorAll('#nav a')) link.classList.toggle('active', link.dataset.screen === screen);
  const container = replace($('screen'));
  container.dataset.screen = screen;
  ui.cleanup = SCREENS[screen].render(container, { admin, history: ui.history, status, params: params() }) || null;
}

function params() {
  const query = location.hash.split('?')[1] || '';
  return new URLSearchParams(query);
}

export function status(message) {
  replace($('status'), message ? h('span', {}, message) : '');
}

function bindLogin() {
  const form = $('login-form');
  form.addEventListener('change', () => {
    const basic = form.elements.kind.value === 'basic';
    for (const el of form.querySelectorAll('.basic-field')) el.hidden = !basic;
    form.querySelector('.token-field').hidden = basic;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const basic = form.elements.kind.value === 'basic';
    const header = basic
      ? api.basicHeader($('login-user').value, $('login-password').value)
      : api.tokenHeader($('login-token').value);
    $('login-error').textContent = '';
    try {
      await api.login(header);
    } catch (e) {
      $('login-error').textContent =
        e.status === 401 ? 'The service did not accept these credentials; check the token or user and password.' : e.message;
      return;
    }
    $('login-token').value = '';
    $('login-password').value = '';
    enter();
  });
  $('logout').addEventListener('click', () => {
    api.forget();
    showLogin();
  });
}

window.addEventListener('hashchange', route);
window.addEventListener('shardhome:unauthenticated', () => {
  api.forget();
  showLogin('The service no longer accepts your credentials; log in again.');
});
bindLogin();
if (api.credentials()) enter();
else showLogin();
