import '../styles.css';
import { errorText, postJson } from '../lib/api';
import { byId } from '../lib/dom';

/** The login page: an NMI-issued auditor token becomes an HttpOnly session cookie; nothing is stored by script. */
byId<HTMLFormElement>('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = byId<HTMLTextAreaElement>('token').value.trim();
  const status = byId('login-status');
  status.textContent = 'checking…';
  void postJson('/api/session', { token }).then((answer) => {
    if (answer.ok) {
      window.location.assign('/dashboard');
    } else {
      status.textContent = errorText(answer);
    }
  });
});
