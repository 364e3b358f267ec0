// A country: its totals, its cooperation per year as a chart with numbers, the visits it made or hosted, the awards
// it conferred.
import { gql, orNotFound } from '../api.js';
import { h, fill, table, personLink, visitLink, visitColumns, figure } from '../dom.js';
import { cooperationBars } from '../charts.js';
import COUNTRY from '../queries/country.graphql';

export async function country(main, params) {
  const code = params.get('code');
  const data = await orNotFound(gql(COUNTRY, { code }));
  const c = data?.country;
  if (!c) {
    fill(main, h('h1', {}, 'Country not found'), h('p', {}, `No country has the code ${code}.`));
    return;
  }
  const periods = data.cooperationStats;
  fill(main, 
    h('h1', {}, c.name),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Visits made'), h('dd', {}, c.sentCount),
      h('dt', {}, 'Visits hosted'), h('dd', {}, c.hostedCount),
      h('dt', {}, 'Awards conferred'), h('dd', {}, c.awardsConferredCount)),
    periods.length ? figure('Cooperation per year', cooperationBars(periods), table('Per year', [
      ['Year', p => p.start.slice(0, 4)],
      ['Visits made', p => p.visitsMade],
      ['Visits hosted', p => p.visitsHosted],
      ['Awards conferred', p => p.awardsConferred],
      ['Awards received', p => p.awardsReceived],
    ], periods)) : null,
    h('section', { 'aria-labelledby': 'visits' },
      h('h2', { id: 'visits' }, `Visits made or hosted (${data.delegations.totalCount})`),
      h('p', {}, h('a', { href: `#/?country=${encodeURIComponent(c.code)}` }, 'All of them in the visits list')),
      table('', [
        ...visitColumns.lead,
        visitColumns.head,
        visitColumns.status,
      ], data.delegations.edges.map(e => e.node))),
    h('section', { 'aria-labelledby': 'awards' }, h('h2', { id: 'awards' }, `Awards conferred (${data.awards.totalCount})`),
      table('', [
        ['Award', a => [a.name, a.grade ? ` (${a.grade})` : '']],
        ['Recipient', a => [personLink(a.recipient), a.recipient.country ? ` (${a.recipient.country.name})` : '']],
        ['On', a => a.conferredOn || '—'],
        ['During', a => a.delegation ? visitLink(a.delegation) : '—'],
      ], data.awards.edges.map(e => e.node))),
  );
}
