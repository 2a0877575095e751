// The service's REST API as seen from the page. Credentials live in sessionStorage (this tab only) as
// the Authorization header value; every call sends it. Errors become ApiError with the problem details.

const KEY = 'shardhome.authorization';
const BASE = 'api/v1';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || '';
    this.problem = problem;
  }
}

export function credentials() {
  return sessionStorage.getItem(KEY);
}

export function forget() {
  sessionStorage.removeItem(KEY);
}

export function tokenHeader(token) {
  return `Bearer ${token.trim()}`;
}

export function basicHeader(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Checks the credentials with a read every role may do; keeps them only when the service accepts them. */
export async function login(header) {
  await request('GET', '/sites', { header });
  sessionStorage.setItem(KEY, header);
}

/** The caller's role, `admin` or `reader`, from GET /whoami. */
export async function role() {
  const me = await get('/whoami');
  return String(me.role).toLowerCase();
}

export function get(path) {
  return request('GET', path);
}

export function post(path, body) {
  return request('POST', path, { body: body === undefined ? undefined : JSON.stringify(body), type: 'application/json' });
}

export function sendCsv(method, path, csv, ifMatch) {
  return request(method, path, { body: csv, type: 'text/csv', ifMatch });
}

async function request(method, path, { header = credentials(), body, type, ifMatch } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (header) headers.Authorization = header;
  if (body !== undefined) headers['Content-Type'] = type;
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { detail: `the service did not answer (${e.message}); check that it runs and reload` });
  }
  const text = await response.text();
  const json = text ? parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && header === credentials()) window.dispatchEvent(new Event('shardhome:unauthenticated'));
    throw new ApiError(response.status, json && typeof json === 'object' ? json : { detail: text || response.statusText });
  }
  return json;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
