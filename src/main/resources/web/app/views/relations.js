// Who visits whom, and about what: the most active country pairs as a matrix, topics over time as lines; each with
// its numbers one click away.
import { gql } from '../api.js';
import { h, fill, table, countryLink, figure } from '../dom.js';
import { pairMatrix, trendLines, cooperationBars } from '../charts.js';
import RELATIONS from '../queries/relations.graphql';

const INTERVALS = [['YEAR', 'Year'], ['QUARTER', 'Quarter'], ['MONTH', 'Month']];

export async function relations(main, params, navigate) {
  const interval = params.get('interval') || 'YEAR';
  const [country, counterpart] = [params.get('country'), params.get('counterpart')];
  const withPair = Boolean(country && counterpart);
  const data = await gql(RELATIONS, {
    from: params.get('from') || null, to: params.get('to') || null, interval, pairs: 100,
    // cooperationStats needs a country even where @include leaves it out: any value stands in then.
    country: country || '', counterpart: counterpart || null, withPair });
  const pairLink = (one, other) => {
    const next = new URLSearchParams(params);
    next.set('country', one.code);
    next.set('counterpart', other.code);
    return `#/relations?${next}`;
  };
  const form = h('form', { class: 'filters', 'aria-label': 'Period', onsubmit: event => {
    event.preventDefault();
    const values = new URLSearchParams([...new FormData(event.target)].filter(([, value]) => value));
    navigate(`#/relations?${values}`);
  } },
  h('label', {}, h('span', {}, 'From'), h('input', { type: 'date', name: 'from', value: params.get('from') || '' })),
  h('label', {}, h('span', {}, 'To'), h('input', { type: 'date', name: 'to', value: params.get('to') || '' })),
  h('label', {}, h('span', {}, 'Per'), h('select', { name: 'interval' },
    INTERVALS.map(([value, label]) => h('option', { value, selected: value === interval }, label)))),
  // The chosen pair stays chosen when the period changes.
  country ? h('input', { type: 'hidden', name: 'country', value: country }) : null,
  counterpart ? h('input', { type: 'hidden', name: 'counterpart', value: counterpart }) : null,
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));

  const pairs = data.countryPairs;
  const trends = data.topicTrends;
  const names = Object.fromEntries(pairs.flatMap(p => [[p.one.code, p.one.name], [p.other.code, p.other.name]]));
  const pairFigure = withPair ? figure(
    `${names[country] || country} and ${names[counterpart] || counterpart}: cooperation per period`,
    data.pair.length ? cooperationBars(data.pair, `${names[country] || country}`) : h('p', { class: 'empty' }, 'Nothing recorded between them.'),
    table('Per period', [
      ['Period', p => p.start],
      [`Visits made by ${names[country] || country}`, p => p.visitsMade],
      ['Visits hosted', p => p.visitsHosted],
      ['Awards conferred', p => p.awardsConferred],
      ['Awards received', p => p.awardsReceived],
    ], data.pair)) : null;
  fill(main, 
    h('h1', {}, 'Who visits whom'),
    form,
    pairFigure,
    pairs.length ? figure('Who visited whom among the most active countries (row visited column; a cell shows the pair per period)',
      pairMatrix(pairs, 12, (visitor, host) => navigate(pairLink(visitor, host))), table('Visits per pair', [
      ['Country', p => countryLink(p.one)],
      ['Counterpart', p => countryLink(p.other)],
      ['Visits', p => h('a', { href: `#/?country=${p.one.code}&counterpart=${p.other.code}` }, String(p.visits))],
      [`First visited second`, p => p.oneVisitedOther],
      [`Second visited first`, p => p.otherVisitedOne],
      ['Per period', p => h('a', { href: pairLink(p.one, p.other) }, 'Cooperation')],
    ], pairs)) : h('p', { class: 'empty' }, 'No visits in this period.'),
    trends.length ? figure('Topics discussed, visits per period', trendLines(trends), table('Visits per topic and period', [
      ['Topic', t => h('a', { href: `#/?topic=${encodeURIComponent(t.topic.slug)}` }, t.topic.label)],
      ['Visits', t => t.visits],
      ['Per period', t => t.periods.filter(p => p.visits).map(p => `${p.start}: ${p.visits}`).join(' · ')],
    ], trends)) : h('p', { class: 'empty' }, 'No topics recorded in this period.'),
  );
}
