// The API as the signed-in account: every call signed in the page (signer.js), answers unwrapped
// from JD Cloud's envelope, errors thrown as ApiError with the envelope's status, message and requestId.
import { canonicalQuery, sign } from './signer.js';

export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  /** The field the API named in "Invalid <field>: ..." (podSpec.containers[0].image), or null. */
  get field() {
    const m = /^Invalid ([A-Za-z0-9_.[\]]+)/.exec(this.message || '');
    return m ? m[1] : null;
  }
}

let session = null;

/** Remembers the keys in memory, and in this tab's sessionStorage when asked to. */
export function signIn(keys, remember) {
  session = { ...keys };
  if (remember) sessionStorage.setItem('pod-console', JSON.stringify(session));
}

export function signOut() {
  session = null;
  sessionStorage.removeItem('pod-console');
}

export function restore() {
  const kept = sessionStorage.getItem('pod-console');
  session = kept ? JSON.parse(kept) : null;
  return session;
}

export function region() {
  return session ? session.region : 'cn-north-1';
}

/**
 * A signed WebSocket URL (execStart, attach): a browser cannot set headers on the handshake, so the
 * signature (host only), its date and nonce go in the query as x-jdcloud-authorization,
 * x-jdcloud-date and x-jdcloud-nonce, over the rest of the query.
 */
export async function socketUrl(path, query = {}) {
  const fullPath = `/v1/regions/${session.region}${path}`;
  const canonical = canonicalQuery(query);
  const signed = await sign({ method: 'GET', path: fullPath, query: canonical, host: location.host,
    accessKey: session.accessKey, secretKey: session.secretKey, hostOnly: true });
  const all = canonicalQuery({ ...query, 'x-jdcloud-authorization': signed.authorization,
    'x-jdcloud-date': signed['x-jdcloud-date'], 'x-jdcloud-nonce': signed['x-jdcloud-nonce'] });
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${fullPath}?${all}`;
}

export async function call(method, path, { query = {}, body, headers = {} } = {}) {
  if (!session) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first', null);
  const fullPath = `/v1/regions/${session.region}${path}`;
  const canonical = canonicalQuery(query);
  const json = body === undefined ? undefined : JSON.stringify(body);
  const signed = await sign({ method, path: fullPath, query: canonical, body: json, host: location.host,
    accessKey: session.accessKey, secretKey: session.secretKey });
  const answer = await fetch(fullPath + (canonical ? '?' + canonical : ''), {
    method, headers: { ...signed, ...headers }, body: json,
  });
  let envelope;
  try {
    envelope = await answer.json();
  } catch {
    throw new ApiError(answer.status, 'UNREADABLE', `The service answered ${answer.status} without a JSON envelope`,
      answer.headers.get('x-jdcloud-request-id'));
  }
  if (envelope.error) {
    throw new ApiError(envelope.error.code, envelope.error.status, envelope.error.message, envelope.requestId);
  }
  return envelope.result;
}
