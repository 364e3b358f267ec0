// A person: the visits they led, joined or received, and the awards they received, over time. Editors fold a
// duplicate into the person shown, admins delete one recorded in error.
import { gql, orNotFound } from '../api.js';
import { session } from '../session.js';
import { h, fill, table, humanize, countryLink, visitLink, visitColumns, acting } from '../dom.js';
import PERSON from '../queries/person.graphql';
import DUPLICATES from '../queries/duplicates.graphql';
import MERGE from '../queries/merge-persons.graphql';
import DELETE from '../queries/delete-person.graphql';

export async function person(main, params, navigate) {
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
    session.can('editor') ? records(p, () => person(main, params, navigate), navigate) : null,
  );
}

/** The record itself: merging a duplicate into it (editors), deleting it (admins). */
function records(p, reload, navigate) {
  const message = h('div', { 'aria-live': 'polite' });
  const act = acting(message);
  const found = h('ul', { class: 'candidates' });
  const search = h('input', { name: 'duplicate', type: 'search', required: true, maxlength: 200, value: p.fullName.split(' ').pop() });
  const find = async event => {
    event.preventDefault();
    await act(async () => {
      const data = await gql(DUPLICATES, { search: search.value, country: p.country.code });
      const others = data.persons.nodes.filter(other => other.id !== p.id);
      // Duplicates often share the name exactly: the id tells them apart, and a link shows what each holds.
      found.replaceChildren(...(others.length ? others.map(other => h('li', {},
        h('a', { href: `#/person/${encodeURIComponent(other.id)}` }, [other.rank, other.fullName].filter(Boolean).join(' ')),
        ` #${other.id}`, other.position ? ` (${other.position})` : '', ' ',
        h('button', { type: 'button', class: 'quiet', onclick: () => window.confirm(
          `Fold ${other.fullName} (#${other.id}) into ${p.fullName} (#${p.id})? Their visits, awards and signatures move`
          + ' here, and that record goes.')
          && act(() => gql(MERGE, { keepId: p.id, removeId: other.id }), reload) }, `Merge into ${p.fullName}`)))
        : [h('li', {}, `No other person of ${p.country.name} has such a name.`)]));
    }, () => {});
  };
  return h('section', { 'aria-labelledby': 'record' }, h('h2', { id: 'record' }, 'This record'),
    message,
    h('form', { class: 'edit', onsubmit: find },
      h('label', {}, h('span', {}, 'Find a duplicate of this person'), search),
      h('button', { type: 'submit' }, 'Find')),
    found,
    session.can('admin') ? h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', onclick: () => window.confirm(`Delete ${p.fullName}?`)
        && act(() => gql(DELETE, { id: p.id }), () => navigate('#/')) }, 'Delete this person')) : null);
}
