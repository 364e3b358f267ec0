// Attaché's dashboard: a client of the public /graphql endpoint (HTTP and WebSocket) like any other, with a token.
import './style.css';
import { session } from './session.js';
import { connectLive } from './live.js';
import { h, errorBox } from './dom.js';
import { disposeCharts } from './charts.js';
import { overview } from './views/overview.js';
import { relations } from './views/relations.js';
import { visit } from './views/visit.js';
import { person } from './views/person.js';
import { country } from './views/country.js';
import { importer, draft } from './views/import.js';
import { signIn } from './views/signin.js';
import LIVE_VISITS from './queries/live-visits.graphql';
import LIVE_AWARDS from './queries/live-awards.graphql';

const ROUTES = [
  [/^\/$/, overview],
  [/^\/relations$/, relations],
  [/^\/visit\/(?<id>[^/]+)$/, visit],
  [/^\/person\/(?<id>[^/]+)$/, person],
  [/^\/country\/(?<code>[^/]+)$/, country],
  [/^\/import$/, importer, 'editor'],
  [/^\/import\/(?<id>[^/]+)$/, draft, 'editor'],
  [/^\/sign-in$/, signIn],
];

const main = document.getElementById('main');
let rendering = 0;
let viewSubscriptions = [];
let refreshTimer = null;

function parse(hash) {
  const [path, query] = (hash.replace(/^#/, '') || '/').split('?');
  return { path: path || '/', params: new URLSearchParams(query || '') };
}

const navigate = target => {
  if (location.hash === target) render(); else location.hash = target;
};

async function render({ quiet = false } = {}) {
  const ticket = ++rendering;
  const { path, params } = parse(location.hash);
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  viewSubscriptions.forEach(stop => stop());
  viewSubscriptions = [];
  header();
  if (!route) {
    main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the visits')));
    return;
  }
  const [pattern, view, role] = route;
  Object.entries(path.match(pattern).groups || {}).forEach(([name, value]) => params.set(name, decodeURIComponent(value)));
  if (role && !session.can(role)) {
    navigate(`#/sign-in?${new URLSearchParams({ reason: `This page is for ${role}s: sign in with such a token.`, then: location.hash })}`);
    return;
  }
  if (!quiet) main.setAttribute('aria-busy', 'true');
  const scroll = window.scrollY;
  const target = h('div', { class: 'view' });
  const context = {
    watch: (query, variables) => viewSubscriptions.push(live.subscribe(query, variables, refreshSoon)),
  };
  try {
    await view(target, params, navigate, context);
    if (ticket !== rendering) return;
    disposeCharts();
    main.replaceChildren(target);
    if (quiet) window.scrollTo(0, scroll); else { window.scrollTo(0, 0); main.focus({ preventScroll: true }); }
    document.title = `${target.querySelector('h1')?.textContent || 'Attaché'} · Attaché`;
  } catch (error) {
    if (ticket !== rendering) return;
    if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' && !session.token()) {
      navigate(`#/sign-in?${new URLSearchParams({ then: location.hash })}`);
      return;
    }
    main.replaceChildren(h('h1', {}, 'Something went wrong'), errorBox(error),
      h('p', {}, h('button', { type: 'button', onclick: () => render() }, 'Try again')));
  } finally {
    if (ticket === rendering) main.removeAttribute('aria-busy');
  }
}

function header() {
  document.querySelectorAll('[data-needs]').forEach(link => { link.hidden = !session.can(link.dataset.needs); });
  const { path } = parse(location.hash);
  document.querySelectorAll('header nav a').forEach(link => {
    const current = parse(link.getAttribute('href')).path === path || (path.startsWith('/import') && link.getAttribute('href') === '#/import');
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  });
  const place = document.getElementById('session');
  const who = session.subject();
  place.replaceChildren(...who
    ? [h('span', {}, `${who} · ${session.role() || 'no role'}`),
      h('button', { type: 'button', class: 'quiet', onclick: () => session.signOut() }, 'Sign out')]
    : [h('a', { href: `#/sign-in?${new URLSearchParams({ then: location.hash || '#/' })}` }, 'Sign in')]);
}

/**
 * What changed, said quietly: a short note that fades. A burst (a bulk import being published) shows three notes
 * and counts the rest in one more, instead of filling the screen.
 */
const NOTES = 3;
const more = h('div', { class: 'toast' });
let unshown = 0;
let moreTimer = null;

function toast(text) {
  const place = document.getElementById('toasts');
  if (place.childElementCount - (more.isConnected ? 1 : 0) >= NOTES) {
    unshown += 1;
    more.textContent = `… and ${unshown} more change${unshown === 1 ? '' : 's'}`;
    place.append(more);
    clearTimeout(moreTimer);
    moreTimer = setTimeout(() => { more.remove(); unshown = 0; }, 6000);
    return;
  }
  const note = h('div', { class: 'toast' }, text);
  place.insertBefore(note, more.isConnected ? more : null);
  setTimeout(() => note.remove(), 6000);
}

/** Whether a change to this visit (null: to none) may alter the view on screen: a visit's page only shows its own. */
function concernsView(visitId) {
  const shown = parse(location.hash).path.match(/^\/visit\/([^/]+)$/);
  return !shown || visitId != null && decodeURIComponent(shown[1]) === String(visitId);
}

function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    if (!main.querySelector('form.edit :focus, form.import :focus, form.signin :focus')) render({ quiet: true });
  }, 400);
}

const liveState = document.getElementById('live');
const live = connectLive({
  onState: state => {
    liveState.textContent = { live: '● live', reconnecting: '○ reconnecting…', offline: '○ offline' }[state];
    liveState.className = `live ${state}`;
  },
});
const change = { CREATED: 'new', UPDATED: 'changed', DELETED: 'removed' };
live.subscribe(LIVE_VISITS, {}, payload => {
  const event = payload.data?.delegationChanged;
  if (!event) return;
  toast(`Visit ${change[event.change]}: ${event.delegation?.title || `#${event.id}`}`);
  if (concernsView(event.id)) refreshSoon();
});
live.subscribe(LIVE_AWARDS, {}, payload => {
  const event = payload.data?.awardConferred;
  if (!event) return;
  toast(`Award ${change[event.change]}: ${event.award ? `${event.award.name} to ${event.award.recipient.fullName}` : `#${event.id}`}`);
  // A revoked award no longer says which visit it was of: any view may have shown it.
  if (!event.award || concernsView(event.award.delegation?.id)) refreshSoon();
});

session.onChange(() => {
  live.restart();
  render();
});
// A token that expires while the page is open: sign-in says so instead of requests failing one by one.
setInterval(() => session.token(), 30000);
window.addEventListener('hashchange', () => render());
render();
