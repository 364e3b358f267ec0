// Builds DOM from data without ever parsing it as HTML: every value a record holds reaches the page as text.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces what an element holds; like h(), it skips absent children and flattens lists. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A table with a caption, column headings and one row per item; cells are built by the columns' functions. */
export function table(caption, columns, items, empty = 'None recorded.') {
  if (!items.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'scroll' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, items.map(item => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(item))))))));
}

export const humanize = value => value ? value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ') : '';

export function dates(start, end) {
  if (!start) return 'date not known';
  return end && end !== start ? `${start} – ${end}` : start;
}

// Names and titles in right-to-left scripts keep their own direction, and the commas between them theirs (dir=auto).
export const personLink = person => person
  ? h('a', { href: `#/person/${encodeURIComponent(person.id)}`, dir: 'auto' }, [person.rank, person.title, person.fullName].filter(Boolean).join(' '))
  : '—';

export const countryLink = country => country
  ? h('a', { href: `#/country/${encodeURIComponent(country.code)}` }, country.name)
  : '—';

export const visitLink = visit => h('a', { href: `#/visit/${encodeURIComponent(visit.id)}`, dir: 'auto' }, visit.title);

export const statusBadge = status => h('span', { class: `status ${status.toLowerCase()}` }, humanize(status));

/** The columns every list of visits shows, in one order; a view adds its own between them. */
export const visitColumns = {
  lead: [
    ['Dates', v => dates(v.startDate, v.endDate)],
    ['From', v => countryLink(v.visitingCountry)],
    ['To', v => countryLink(v.hostCountry)],
    ['Visit', v => visitLink(v)],
  ],
  head: ['Led by', v => personLink(v.head)],
  status: ['Status', v => statusBadge(v.status)],
};

/** A chart with its numbers one click away: the same data as a table in a disclosure under it. */
export function figure(title, chartElement, numbers) {
  return h('figure', { class: 'chart' },
    h('figcaption', {}, title),
    chartElement,
    h('details', {}, h('summary', {}, 'Show the numbers'), numbers));
}

/**
 * How a view acts on the record it shows: runs the work, then what follows it; an error goes into the message
 * element (emptied first) instead.
 */
export function acting(message) {
  return async (work, then) => {
    message.replaceChildren();
    try {
      await work();
      then();
    } catch (error) {
      message.replaceChildren(errorBox(error));
    }
  };
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, error.message || String(error),
    error.code ? h('span', { class: 'code' }, ` (${error.code})`) : null);
}
