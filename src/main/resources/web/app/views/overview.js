// Visits in a list and on a timeline, filtered, sorted and paged; the state lives in the address, so a reload or
// the back button keeps the place.
import { gql, allPages } from '../api.js';
import { session } from '../session.js';
import { h, fill, table, humanize, dates, visitColumns, figure, errorBox } from '../dom.js';
import { timeline } from '../charts.js';
import OVERVIEW from '../queries/overview.graphql';
import EXPORT from '../queries/export.graphql';

const FILTERS = ['text', 'country', 'counterpart', 'from', 'to', 'kind', 'status', 'topic'];
const KINDS = ['OFFICIAL_VISIT', 'WORKING_VISIT', 'STATE_VISIT', 'MULTILATERAL_EVENT', 'OTHER'];
const STATUSES = ['PLANNED', 'ONGOING', 'COMPLETED', 'CANCELLED'];
const ORDERS = [['', 'Best match, else newest'], ['START_DATE_DESC', 'Newest first'], ['START_DATE_ASC', 'Oldest first'],
  ['UPDATED_AT_DESC', 'Recently changed']];
export const PAGE_SIZE = 25;
const EXPORT_LIMIT = 10000;

function variables(params) {
  const filter = {};
  for (const name of FILTERS) {
    if (params.get(name)) filter[name] = params.get(name);
  }
  return {
    filter,
    orderBy: params.get('order') || null,
    first: PAGE_SIZE,
    after: params.get('after') || null,
  };
}

export async function overview(main, params, navigate) {
  const data = await gql(OVERVIEW, variables(params));
  const page = data.delegations;
  const visits = page.edges.map(edge => edge.node);
  const trail = params.get('trail') ? params.get('trail').split(' ') : [];

  const go = changes => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value); else next.delete(name);
    }
    navigate(`#/?${next}`);
  };

  const form = h('form', { class: 'filters', 'aria-label': 'Filter visits', onsubmit: event => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.target));
    go({ ...values, after: null, trail: null });
  } },
  field('Search', h('input', { name: 'text', type: 'search', value: params.get('text') || '',
    placeholder: 'Words, names, places, honours…' })),
  field('Country', select('country', params.get('country'), data.countries.map(c => [c.code, c.name]), 'Any country')),
  field('Counterpart', select('counterpart', params.get('counterpart'), data.countries.map(c => [c.code, c.name]), 'Any counterpart')),
  field('From', h('input', { name: 'from', type: 'date', value: params.get('from') || '' })),
  field('To', h('input', { name: 'to', type: 'date', value: params.get('to') || '' })),
  field('Kind', select('kind', params.get('kind'), KINDS.map(k => [k, humanize(k)]), 'Any kind')),
  field('Status', select('status', params.get('status'),
    (session.can('editor') ? [...STATUSES, 'DRAFT'] : STATUSES).map(s => [s, humanize(s)]), 'Any status')),
  field('Topic', select('topic', params.get('topic'), data.topics.map(t => [t.slug, t.label]), 'Any topic')),
  field('Order', select('order', params.get('order'), ORDERS.filter(([value]) => value), ORDERS[0][1])),
  h('div', { class: 'actions' },
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'quiet', onclick: () => navigate('#/') }, 'Clear')));

  // Drafts may lack dates: the service refuses to order them by date, so the form does not offer it.
  const orderFor = draft => form.querySelectorAll('select[name=order] option[value^=START_DATE]').forEach(option => {
    option.disabled = draft;
    if (draft && option.selected) form.querySelector('select[name=order]').value = '';
  });
  form.querySelector('select[name=status]').addEventListener('change', event => orderFor(event.target.value === 'DRAFT'));
  orderFor(params.get('status') === 'DRAFT');

  const status = h('span', { class: 'progress', role: 'status' });
  const exportButton = h('button', { type: 'button', class: 'quiet', onclick: async () => {
    exportButton.disabled = true;
    try {
      const rows = await allPages(EXPORT, { ...variables(params), after: undefined }, 'delegations', EXPORT_LIMIT,
        (done, total) => { status.textContent = `Exporting ${done} of ${Math.min(total, EXPORT_LIMIT)}…`; });
      download('attache-visits.csv', csv(rows));
      status.textContent = `Exported ${rows.length} visits.`;
    } catch (error) {
      status.replaceChildren(errorBox(error));
    } finally {
      exportButton.disabled = false;
    }
  } }, 'Export CSV');

  const previous = trail.length
    ? h('a', { class: 'button quiet', rel: 'prev', href: link(params, trail.at(-1) === '-' ? null : trail.at(-1), trail.slice(0, -1)) }, '← Previous')
    : null;
  const next = page.pageInfo.hasNextPage
    ? h('a', { class: 'button quiet', rel: 'next', href: link(params, page.pageInfo.endCursor, [...trail, params.get('after') || '-']) }, 'Next →')
    : null;
  const first = trail.length * PAGE_SIZE + 1;

  fill(main, 
    h('h1', {}, 'Visits'),
    form,
    h('p', { class: 'totals', id: 'totals' },
      page.totalCount === 0 ? 'No visit matches.' :
        `${page.totalCount} visit${page.totalCount === 1 ? '' : 's'} · showing ${first}–${first + visits.length - 1}`,
      ' ', exportButton, ' ', status),
    table('Visits matching the filters', [
      ...visitColumns.lead,
      visitColumns.head,
      ['Kind', v => humanize(v.kind)],
      visitColumns.status,
      ['Topics', v => v.topics.map(t => t.label).join(', ')],
    ], visits, 'No visit matches these filters.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, next),
    visits.some(v => v.startDate) ? figure('This page on a timeline', timeline(visits), h('p', {}, 'The table above.')) : null,
  );
}

/** The address of a page: the same filters, another cursor, and the cursors of the pages before it. */
function link(params, after, trail) {
  const next = new URLSearchParams(params);
  if (after) next.set('after', after); else next.delete('after');
  if (trail.length) next.set('trail', trail.join(' ')); else next.delete('trail');
  return `#/?${next}`;
}

function field(label, control) {
  return h('label', {}, h('span', {}, label), control);
}

function select(name, value, options, none) {
  return h('select', { name },
    h('option', { value: '' }, none),
    options.map(([code, label]) => h('option', { value: code, selected: code === value }, label)));
}

function csv(rows) {
  const quote = value => {
    const text = value == null ? '' : String(value);
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const header = ['id', 'title', 'kind', 'status', 'start', 'end', 'visiting', 'visiting_name', 'host', 'host_name', 'head',
    'topics', 'sources'];
  const lines = rows.map(v => [v.id, v.title, v.kind, v.status, v.startDate, v.endDate, v.visitingCountry.code,
    v.visitingCountry.name, v.hostCountry.code, v.hostCountry.name, v.head ? [v.head.rank, v.head.fullName].filter(Boolean).join(' ') : '',
    v.topics.map(t => t.label).join('; '), v.sources.map(s => s.url).filter(Boolean).join(' ')]);
  return [header, ...lines].map(line => line.map(quote).join(',')).join('\r\n') + '\r\n';
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const anchor = h('a', { href: url, download: name });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
