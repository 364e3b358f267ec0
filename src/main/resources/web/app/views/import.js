// Press releases in: paste a release (or drop text files), review the draft with every extracted fact marked in the
// text, correct it, publish or discard it.
import { gql } from '../api.js';
import { h, fill, table, humanize, dates, personLink, errorBox, acting } from '../dom.js';
import IMPORT from '../queries/import.graphql';
import DRAFTS from '../queries/drafts.graphql';
import DRAFT from '../queries/draft.graphql';
import SAVE_DRAFT from '../queries/save-draft.graphql';
import PUBLISH from '../queries/publish.graphql';
import DISCARD from '../queries/discard.graphql';

const KINDS = ['OFFICIAL_VISIT', 'WORKING_VISIT', 'STATE_VISIT', 'MULTILATERAL_EVENT', 'OTHER'];

export async function importer(main, params, navigate) {
  const drafts = (await gql(DRAFTS)).pressReleaseImports;
  const results = h('ul', { class: 'results', 'aria-live': 'polite' });
  const text = h('textarea', { name: 'text', rows: 14, required: true, placeholder: 'Paste the text of a press release…' });

  async function importOne(input, label) {
    const item = h('li', {}, `${label}: importing…`);
    results.append(item);
    try {
      const done = (await gql(IMPORT, { input })).importPressRelease;
      item.replaceChildren(`${label}: `, h('a', { href: `#/import/${done.id}` },
        done.alreadyImported ? 'already imported, open it' : 'draft ready, review it'));
      return done;
    } catch (error) {
      item.replaceChildren(`${label}: `, errorBox(error));
      return null;
    }
  }

  const form = h('form', { class: 'import', onsubmit: async event => {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(event.target)].filter(([, value]) => value.trim?.() !== ''));
    const done = await importOne(values, values.title || 'The pasted release');
    if (done) navigate(`#/import/${done.id}`);
  } },
  h('label', {}, h('span', {}, 'Press release'), text),
  h('div', { class: 'row' },
    h('label', {}, h('span', {}, 'Source address'), h('input', { name: 'sourceUrl', type: 'url', placeholder: 'https://…' })),
    h('label', {}, h('span', {}, 'Outlet'), h('input', { name: 'outlet', placeholder: 'Ministry of Defence' })),
    h('label', {}, h('span', {}, 'Published on'), h('input', { name: 'publishedOn', type: 'date' })),
    h('label', {}, h('span', {}, 'Title'), h('input', { name: 'title' }))),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Draft a visit from it'),
    h('label', { class: 'files' }, h('span', {}, 'or import text files'),
      h('input', { type: 'file', multiple: true, accept: '.txt,text/plain', onchange: event => importFiles(event.target.files) }))));

  async function importFiles(files) {
    for (const file of files) {
      await importOne({ text: await file.text(), title: file.name.replace(/\.txt$/i, '') }, file.name);
    }
  }
  form.addEventListener('dragover', event => { event.preventDefault(); form.classList.add('dropping'); });
  form.addEventListener('dragleave', () => form.classList.remove('dropping'));
  form.addEventListener('drop', event => {
    event.preventDefault();
    form.classList.remove('dropping');
    importFiles(event.dataTransfer.files);
  });

  fill(main, 
    h('h1', {}, 'Import a press release'),
    h('p', {}, 'Paste a release, or drop text files here: each becomes a draft visit to correct and publish. Nobody but',
      ' editors sees a draft until it is published.'),
    form, results,
    h('h2', {}, `Drafts waiting for review (${drafts.totalCount})`),
    table('', [
      ['Imported', d => d.createdAt.slice(0, 16).replace('T', ' ')],
      ['By', d => d.createdBy],
      ['Release', d => h('a', { href: `#/import/${d.id}` }, d.source?.title || d.delegation?.title
        || [d.source?.outlet, d.source?.url].filter(Boolean).join(': ') || `Import ${d.id}`)],
    ], drafts.edges.map(e => e.node), 'No drafts waiting.'));
}

export async function draft(main, params, navigate) {
  const data = await gql(DRAFT, { id: params.get('id') });
  const imp = data.pressReleaseImport;
  if (!imp) {
    fill(main, h('h1', {}, 'Import not found'));
    return;
  }
  const v = imp.delegation;
  const message = h('div', { 'aria-live': 'assertive' });
  const act = acting(message);
  const text = markedText(imp);
  const evidence = imp.evidence.slice().sort((a, b) => a.start - b.start);

  fill(main, 
    h('p', { class: 'crumbs' }, h('a', { href: '#/import' }, 'Import'), ` › ${humanize(imp.status)}`),
    h('h1', {}, v ? v.title : imp.source?.title || `Import ${imp.id}`),
    message,
    imp.warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h2', {}, 'Could not decide'),
      h('ul', {}, imp.warnings.map(w => h('li', {}, w)))) : null,
    imp.status === 'DRAFT' ? h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => act(
        () => gql(PUBLISH, { id: imp.id, expectedVersion: imp.version }),
        () => navigate(v ? `#/visit/${v.id}` : '#/')) }, 'Publish'),
      h('button', { type: 'button', class: 'danger', onclick: () => window.confirm('Discard this draft and what it created?')
        && act(() => gql(DISCARD, { id: imp.id }), () => navigate('#/import')) }, 'Discard')) : null,
    h('div', { class: 'review' },
      h('section', { 'aria-labelledby': 'release' }, h('h2', { id: 'release' }, 'The release'),
        h('p', { class: 'legend' }, h('mark', {}, 'drafted fact'), ' ', h('mark', { class: 'person' }, 'person')),
        text),
      h('section', { 'aria-labelledby': 'drafted' }, h('h2', { id: 'drafted' }, 'What was drafted'),
        v && imp.status === 'DRAFT' ? editForm(v, data.countries, act, () => draft(main, params, navigate)) : null,
        v ? h('dl', { class: 'facts' },
          h('dt', {}, 'Led by'), h('dd', {}, personLink(v.head)),
          h('dt', {}, 'Delegation'), h('dd', {}, v.members.map((m, i) => [i ? ', ' : '', personLink(m.person)])),
          h('dt', {}, 'Received by'), h('dd', {}, v.hosts.map((m, i) => [i ? ', ' : '', personLink(m.person)])),
          h('dt', {}, 'Dates'), h('dd', {}, dates(v.startDate, v.endDate)),
          h('dt', {}, 'Topics'), h('dd', {}, v.topics.map(t => t.label).join(', ') || '—')) : h('p', {}, 'No visit: the release reports none.'),
        v ? table('Agenda', [
          ['When', i => [i.date, i.startTime?.slice(0, 5)].filter(Boolean).join(' ') || '—'],
          ['What', i => [h('strong', {}, i.title), ' ', humanize(i.kind)]],
          ['Where', i => i.location || '—'],
          ['Honours', i => i.honours.map(humanize).join(', ')],
        ], v.agenda, 'No agenda drafted.') : null,
        table('Awards', [
          ['Award', a => [a.name, a.grade ? ` (${a.grade})` : '']],
          ['Recipient', a => personLink(a.recipient)],
          ['By', a => a.conferredBy.name],
        ], imp.awards, 'No awards drafted.'),
        table('Documents signed', [
          ['Document', a => a.title], ['Kind', a => humanize(a.kind)], ['Parties', a => a.parties.map(c => c.name).join(', ')],
        ], imp.agreements, 'No documents drafted.'),
        h('h3', {}, 'Evidence'),
        h('ul', { class: 'evidence' }, evidence.map(e => h('li', {},
          h('button', { type: 'button', class: 'link', onclick: () => show(text, e.start) }, e.field), ': “', e.quote, '”',
          e.confidence < 0.7 ? h('span', { class: 'unsure' }, ' (unsure)') : null))))),
  );
}

/** The release with every drafted fact's words and every person mentioned marked, overlaps merged. */
function markedText(imp) {
  const spans = [
    ...imp.evidence.map(e => ({ start: e.start, end: e.end, label: e.field, person: false })),
    ...imp.people.map(p => ({ start: p.start, end: p.end, label: `person: ${p.person.fullName}`, person: true })),
  ].filter(s => s.end > s.start && s.start >= 0 && s.end <= imp.text.length);
  const cuts = [...new Set([0, imp.text.length, ...spans.flatMap(s => [s.start, s.end])])].sort((a, b) => a - b);
  const container = h('div', { class: 'release' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter(s => s.start <= from && s.end >= to);
    const words = imp.text.slice(from, to);
    container.append(covering.length
      ? h('mark', { class: covering.every(s => s.person) ? 'person' : null, title: covering.map(s => s.label).join('\n'),
        'data-start': from }, words)
      : words);
  }
  return container;
}

function show(text, start) {
  const marks = [...text.querySelectorAll('mark')];
  const mark = marks.find(m => Number(m.dataset.start) >= start) || marks[0];
  if (!mark) return;
  marks.forEach(m => m.classList.remove('focus'));
  mark.classList.add('focus');
  mark.scrollIntoView({ block: 'center' });
}

/** Inline corrections of the drafted visit: the update sends the form's fields, and what it leaves out stays as it is. */
function editForm(v, countries, act, reload) {
  const options = selected => countries.map(c => h('option', { value: c.code, selected: c.code === selected }, c.name));
  return h('form', { class: 'edit', 'aria-label': 'Correct the drafted visit', onsubmit: event => {
    event.preventDefault();
    const f = Object.fromEntries(new FormData(event.target));
    const input = {
      title: f.title, kind: f.kind, startDate: f.startDate || null, endDate: f.endDate || null,
      summary: f.summary || null, visitingCountry: f.visitingCountry, hostCountry: f.hostCountry,
    };
    act(() => gql(SAVE_DRAFT, { id: v.id, expectedVersion: v.version, input }), reload);
  } },
  h('label', {}, h('span', {}, 'Title'), h('input', { name: 'title', value: v.title, required: true })),
  h('div', { class: 'row' },
    h('label', {}, h('span', {}, 'Kind'), h('select', { name: 'kind' },
      KINDS.map(k => h('option', { value: k, selected: k === v.kind }, humanize(k))))),
    h('label', {}, h('span', {}, 'From'), h('select', { name: 'visitingCountry' }, options(v.visitingCountry.code))),
    h('label', {}, h('span', {}, 'To'), h('select', { name: 'hostCountry' }, options(v.hostCountry.code)))),
  h('div', { class: 'row' },
    h('label', {}, h('span', {}, 'First day'), h('input', { name: 'startDate', type: 'date', value: v.startDate || '' })),
    h('label', {}, h('span', {}, 'Last day'), h('input', { name: 'endDate', type: 'date', value: v.endDate || '' }))),
  h('label', {}, h('span', {}, 'Summary'), h('textarea', { name: 'summary', rows: 3 }, v.summary || '')),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save corrections')));
}
