// Who is signed in: a bearer token kept for this tab only (sessionStorage), never put in a URL or a log.
const KEY = 'attache.token';
const RANK = { viewer: 1, editor: 2, admin: 3 };
const listeners = new Set();
let notice = '';

function claims(token) {
  try {
    const payload = token.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
    return JSON.parse(atob(payload.padEnd(payload.length + (4 - payload.length % 4) % 4, '=')));
  } catch {
    return null;
  }
}

export const session = {
  token() {
    const token = sessionStorage.getItem(KEY);
    if (token && this.expiresAt(token) <= Date.now()) {
      this.expired();
      return null;
    }
    return token;
  },
  expiresAt(token) {
    const exp = claims(token)?.exp;
    return exp ? exp * 1000 : Infinity;
  },
  /** Stores a token if it reads as a JWT; answers the reason when it does not. */
  signIn(token) {
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    const read = claims(trimmed);
    if (!read) return 'That is not a token: paste the whole JWT (three parts separated by dots).';
    if (read.exp && read.exp * 1000 <= Date.now()) return 'That token has expired: ask for a new one.';
    sessionStorage.setItem(KEY, trimmed);
    notice = '';
    listeners.forEach(listener => listener());
    return null;
  },
  signOut(message = '') {
    sessionStorage.removeItem(KEY);
    notice = message;
    listeners.forEach(listener => listener());
  },
  expired() {
    if (sessionStorage.getItem(KEY)) this.signOut('Your sign-in has expired or was not accepted: sign in again.');
  },
  /** A notice for the sign-in page (why the user was signed out), read once. */
  takeNotice() {
    const taken = notice;
    notice = '';
    return taken;
  },
  subject() {
    const token = this.token();
    return token ? claims(token)?.upn || claims(token)?.sub : null;
  },
  role() {
    const token = this.token();
    const groups = token ? claims(token)?.groups || [] : [];
    return groups.reduce((best, group) => (RANK[group] || 0) > (RANK[best] || 0) ? group : best, null);
  },
  /** Whether the signed-in role includes this one (admin includes editor includes viewer). */
  can(role) {
    return (RANK[this.role()] || 0) >= RANK[role];
  },
  onChange(listener) {
    listeners.add(listener);
  },
};
