// A person: the visits they led, joined or received, and the awards they received, over time.
import { gql, orNotFound } from '../api.js';
import { h, fill, table, humanize, countryLink, visitLink, visitColumns } from '../dom.js';
import PERSON from '../queries/person.graphql';

export async function person(main, params) {
  const id = params.get('id');
  const data = await orNotFound(gql(PERSON, { id }));
  const p = data?.person;
  if (!p) {
    fill(main, h('h1', {}, 'Person not found'), h('p', {}, `No person has the id ${id}.`));
    return;
  }
  const visits = data.delegations.edges.map(e => e.node);
  fill(main, 
    h('h1', {}, [p.rank, p.title, p.fullName].filter(Boolean).join(' ')),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Country'), h('dd', {}, countryLink(p.country)),
      h('dt', {}, 'Post'), h('dd', {}, p.position || '—')),
    h('section', { 'aria-labelledby': 'visits' }, h('h2', { id: 'visits' }, `Visits (${data.delegations.totalCount})`),
      table('', [
        ...visitColumns.lead,
        ['Part', v => v.head?.id === p.id ? 'Led' : (v.hostCountry.code === p.country.code ? 'Hosted' : 'Took part')],
        visitColumns.status,
      ], visits)),
    h('section', { 'aria-labelledby': 'awards' }, h('h2', { id: 'awards' }, 'Awards received'), table('', [
      ['Award', a => [a.name, a.grade ? ` (${a.grade})` : '']],
      ['Kind', a => humanize(a.kind)],
      ['Conferred by', a => countryLink(a.conferredBy)],
      ['On', a => a.conferredOn || '—'],
      ['During', a => a.delegation ? visitLink(a.delegation) : '—'],
    ], p.awardsReceived)),
  );
}
