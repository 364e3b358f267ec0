// Sign-in: paste a bearer token, or in dev mode take a dev token with one click.
import { session } from '../session.js';
import { h, fill } from '../dom.js';

export async function signIn(main, params, navigate) {
  const notice = session.takeNotice() || params.get('reason') || '';
  const problem = h('p', { class: 'error', role: 'alert', hidden: !notice }, notice);
  const back = () => navigate(params.get('then') || '#/');
  const devButtons = h('div', { class: 'dev', hidden: true },
    h('p', {}, 'Dev mode: sign in with a dev token as'),
    ['viewer', 'editor', 'admin'].map(role => h('button', { type: 'button', class: 'quiet', onclick: async () => {
      const response = await fetch(`/dev/token?role=${role}`, { method: 'POST' });
      const refused = response.ok ? session.signIn(await response.text()) : 'The dev token could not be made.';
      if (refused) show(refused); else back();
    } }, role)));
  const show = text => {
    problem.textContent = text;
    problem.hidden = false;
  };
  fill(main, 
    h('h1', {}, 'Sign in'),
    problem,
    session.subject() ? h('p', {}, `Signed in as ${session.subject()} (${session.role() || 'no role'}).`) : null,
    h('form', { class: 'signin', onsubmit: event => {
      event.preventDefault();
      const refused = session.signIn(new FormData(event.target).get('token'));
      if (refused) show(refused); else back();
    } },
    h('label', {}, h('span', {}, 'Bearer token'), h('textarea', { name: 'token', rows: 4, required: true, autocomplete: 'off',
      spellcheck: 'false', placeholder: 'eyJ…' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in'))),
    devButtons);
  const available = await fetch('/dev/token').then(r => r.status === 204, () => false);
  devButtons.hidden = !available;
}
