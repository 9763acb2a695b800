// JD Cloud's request signature (JDCLOUD2-HMAC-SHA256), computed in the browser with WebCrypto: the
// secret key never leaves this page. The same algorithm as JD Cloud's SDKs: a canonical request
// (method, RFC 3986 path and query, signed headers, the body's SHA-256), a string to sign under the
// scope date/region/service/jdcloud2_request, and an HMAC chain from "JDCLOUD2" + the secret key.

const encoder = new TextEncoder();
const ALGORITHM = 'JDCLOUD2-HMAC-SHA256';

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function hmac(key, text) {
  const imported = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, encoder.encode(text)));
}

/** RFC 3986 percent-encoding of UTF-8: unreserved characters (and '/' when kept) as they are, the rest %XX. */
export function encode(text, keepSlash = false) {
  let out = '';
  for (const byte of encoder.encode(String(text))) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c) || (keepSlash && c === '/')) {
      out += c;
    } else {
      out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

/** The query as sent and as signed: names and values RFC 3986-encoded, sorted by name then value. */
export function canonicalQuery(params) {
  const pairs = [];
  for (const [name, value] of Object.entries(params || {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v !== undefined && v !== null && v !== '') pairs.push([encode(name), encode(v)]);
    }
  }
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([n, v]) => n + '=' + v).join('&');
}

/** The service a path belongs to, as JD Cloud's clients name it in the credential scope. */
export function serviceOf(path) {
  if (/\/(vpcs|subnets|networkSecurityGroups|elasticIps)(\/|$|:)/.test(path)) return 'vpc';
  if (/\/(disks|snapshots)(\/|$|:)/.test(path)) return 'disk';
  return 'pod';
}

function timestamps(now) {
  const iso = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return { dateTime: iso, date: iso.slice(0, 8) };
}

/**
 * The headers that sign a request: {authorization, x-jdcloud-date, x-jdcloud-nonce} (and
 * content-type when there is a body). {@code path} is the path as sent (':' included).
 */
export async function sign({ method, path, query, body, host, accessKey, secretKey, now = new Date(),
  hostOnly = false }) {
  const region = (path.match(/^\/v1\/regions\/([^/]+)/) || [])[1] || 'cn-north-1';
  const service = serviceOf(path);
  const { dateTime, date } = timestamps(now);
  const nonce = crypto.randomUUID();
  // a WebSocket handshake signs the host only: its date and nonce travel in the query, unsigned
  const headers = hostOnly ? { host } : { host, 'x-jdcloud-date': dateTime, 'x-jdcloud-nonce': nonce };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => n + ':' + String(headers[n]).trim().replace(/\s+/g, ' ') + '\n').join('');
  const signedHeaders = names.join(';');
  const payload = hex(await crypto.subtle.digest('SHA-256', encoder.encode(body === undefined ? '' : body)));
  const canonicalRequest = [method.toUpperCase(), encode(decodeURIComponent(path), true), query, canonicalHeaders,
    signedHeaders, payload].join('\n');
  const scope = `${date}/${region}/${service}/jdcloud2_request`;
  const stringToSign = [ALGORITHM, dateTime, scope, hex(await crypto.subtle.digest('SHA-256',
    encoder.encode(canonicalRequest)))].join('\n');
  let key = await hmac(encoder.encode('JDCLOUD2' + secretKey), date);
  for (const part of [region, service, 'jdcloud2_request']) key = await hmac(key, part);
  const signature = hex(await hmac(key, stringToSign));
  delete headers.host; // the browser sends it; it may not be set by a page
  headers['x-jdcloud-date'] = dateTime;
  headers['x-jdcloud-nonce'] = nonce;
  headers.authorization = `${ALGORITHM} Credential=${accessKey}/${scope}, SignedHeaders=${signedHeaders}, `
    + `Signature=${signature}`;
  return headers;
}
