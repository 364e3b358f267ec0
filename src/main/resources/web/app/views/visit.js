// A visit: who led whom, the agenda in order with its honours and topics, awards, documents signed, sources, and for
// admins the change history.
import { gql } from '../api.js';
import { session } from '../session.js';
import { h, fill, table, humanize, dates, personLink, countryLink, statusBadge } from '../dom.js';
import VISIT from '../queries/visit.graphql';
import LIVE_AGENDA from '../queries/live-agenda.graphql';

export async function visit(main, params, navigate, context) {
  const id = params.get('id');
  const data = await gql(VISIT, { id, withHistory: session.can('admin') });
  const v = data.delegation;
  if (!v) {
    fill(main, h('h1', {}, 'Visit not found'), h('p', {}, `No visit has the id ${id}.`));
    return;
  }
  context.watch(LIVE_AGENDA, { id });
  const people = list => table('', [
    ['Name', m => personLink(m.person)],
    ['Post', m => m.position || '—'],
    ['Role', m => m.role || '—'],
  ], list);
  fill(main, 
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Visits'), ' › ', humanize(v.kind)),
    h('h1', {}, v.title),
    h('dl', { class: 'facts' },
      fact('From', countryLink(v.visitingCountry)),
      fact('To', countryLink(v.hostCountry)),
      v.otherCountries.length ? fact('Also taking part', v.otherCountries.map((c, i) => [i ? ', ' : '', countryLink(c)])) : null,
      fact('Dates', dates(v.startDate, v.endDate)),
      fact('Status', statusBadge(v.status)),
      fact('Led by', v.head ? [personLink(v.head), v.head.position ? `, ${v.head.position}` : ''] : '—'),
      v.topics.length ? fact('Topics', v.topics.map(t => t.label).join(', ')) : null),
    v.summary ? h('p', { class: 'summary' }, v.summary) : null,
    h('section', { 'aria-labelledby': 'members' }, h('h2', { id: 'members' }, 'Delegation'), people(v.members)),
    h('section', { 'aria-labelledby': 'hosts' }, h('h2', { id: 'hosts' }, 'Received by'), people(v.hosts)),
    h('section', { 'aria-labelledby': 'agenda' }, h('h2', { id: 'agenda' }, 'Agenda'),
      v.agenda.length ? h('ol', { class: 'agenda' }, v.agenda.map(item => h('li', {},
        h('div', { class: 'when' }, [item.date, item.startTime?.slice(0, 5)].filter(Boolean).join(' ') || 'date not known'),
        h('div', {},
          h('strong', {}, item.title), ' ', h('span', { class: 'kind' }, humanize(item.kind)),
          item.location ? h('div', {}, 'at ', item.location) : null,
          item.honours.length ? h('div', { class: 'honours' }, 'Honours: ', item.honours.map(humanize).join(', ')) : null,
          item.topics.length ? h('div', {}, 'Topics: ', item.topics.map(t => t.label).join(', ')) : null,
          item.participants.length ? h('div', {}, 'With ', item.participants.map((p, i) => [i ? ', ' : '', personLink(p)])) : null,
          item.description ? h('p', {}, item.description) : null)))) : h('p', { class: 'empty' }, 'No agenda recorded.')),
    h('section', { 'aria-labelledby': 'awards' }, h('h2', { id: 'awards' }, 'Awards'), table('', [
      ['Award', a => [a.name, a.grade ? ` (${a.grade})` : '']],
      ['Kind', a => humanize(a.kind)],
      ['Recipient', a => personLink(a.recipient)],
      ['Conferred by', a => [countryLink(a.conferredBy), a.conferredByAuthority ? `, ${a.conferredByAuthority}` : '']],
      ['On', a => a.conferredOn || '—'],
    ], v.awards)),
    h('section', { 'aria-labelledby': 'documents' }, h('h2', { id: 'documents' }, 'Documents signed'), table('', [
      ['Document', a => a.title],
      ['Kind', a => humanize(a.kind)],
      ['Parties', a => a.parties.map(c => c.name).join(', ')],
      ['Signed by', a => a.signatories.map((p, i) => [i ? ', ' : '', personLink(p)])],
      ['On', a => a.signedOn || '—'],
    ], v.agreements)),
    h('section', { 'aria-labelledby': 'sources' }, h('h2', { id: 'sources' }, 'Sources'), table('', [
      ['Outlet', s => s.outlet],
      ['Title', s => s.url ? h('a', { href: safeUrl(s.url), rel: 'noopener noreferrer', target: '_blank' }, s.title || s.url) : s.title || '—'],
      ['Published', s => s.publishedOn || '—'],
    ], v.sources)),
    data.history ? h('section', { 'aria-labelledby': 'history' }, h('h2', { id: 'history' }, 'Change history'),
      table('', [
        ['When', c => c.at.replace('T', ' ').slice(0, 19)],
        ['Who', c => c.actor],
        ['What', c => humanize(c.operation)],
        ['Changes', c => h('details', {}, h('summary', {}, 'Before and after'),
          h('pre', {}, `before: ${c.before ?? '—'}\nafter:  ${c.after ?? '—'}`))],
      ], data.history)) : null,
  );
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

/** Only web addresses become links: a javascript: or data: URL recorded as a source stays text. */
function safeUrl(url) {
  return /^https?:\/\//i.test(url) ? url : '#';
}
