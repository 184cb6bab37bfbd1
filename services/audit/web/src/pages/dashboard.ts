import '../styles.css';
import 'uplot/dist/uPlot.min.css';
import { deleteJson } from '../lib/api';
import { byId } from '../lib/dom';
import { GENERIC_VIEWS, loadGeneric, openVerificationStream, showMeter, showTrace } from '../views/domain';
import { showSearch } from '../views/explorer';
import { addLiveBlock, refreshChaincodes, refreshLatest, refreshRates, refreshSummary } from '../views/overview';
import { checkProof } from '../views/proofs';
import type { BlockSummary } from '../views/types';

/** Hash routes: `#<section>`, `#block/<n>`, `#tx/<id>`, `#proof/<verificationId>`. */
function route(): void {
  const [section = 'overview', argument] = decodeURIComponent(window.location.hash.slice(1)).split('/');
  const shown = section === 'block' || section === 'tx' ? 'search' : section === 'proof' ? 'proofs' : section;
  for (const element of document.querySelectorAll<HTMLElement>('main > section')) {
    element.hidden = element.id !== shown;
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    link.classList.toggle('active', link.hash === `#${shown}`);
  }
  if ((section === 'block' || section === 'tx') && argument !== undefined) {
    byId<HTMLInputElement>('search-input').value = argument;
    void showSearch(argument);
  } else if (section === 'proof' && argument !== undefined) {
    byId<HTMLInputElement>('proof-input').value = argument;
    void checkProof(argument);
  } else if (shown === 'verifications') {
    openVerificationStream();
  } else {
    const generic = GENERIC_VIEWS.find((view) => view.id === shown);
    if (generic !== undefined) {
      void loadGeneric(generic.id, generic.path);
    }
  }
}

function onSubmit(formId: string, inputId: string, action: (value: string) => Promise<void>): void {
  byId<HTMLFormElement>(formId).addEventListener('submit', (event) => {
    event.preventDefault();
    void action(byId<HTMLInputElement>(inputId).value);
  });
}

onSubmit('search-form', 'search-input', showSearch);
onSubmit('proof-form', 'proof-input', checkProof);
onSubmit('meter-form', 'meter-input', showMeter);
onSubmit('trace-form', 'trace-input', showTrace);
byId('logout').addEventListener('click', () => {
  void deleteJson('/api/session').then(() => {
    window.location.assign('/login');
  });
});
window.addEventListener('hashchange', route);
route();

void Promise.all([refreshSummary(), refreshLatest(), refreshRates(), refreshChaincodes()]).then(() => {
  document.body.dataset['readyMs'] = performance.now().toFixed(0);
  document.body.dataset['ready'] = 'true';
});

// New blocks arrive over SSE; counters and the chart follow them at most once a second.
let pending = false;
const blocks = new EventSource('/api/stream');
blocks.addEventListener('block', (event) => {
  addLiveBlock(JSON.parse((event as MessageEvent<string>).data) as BlockSummary);
  if (!pending) {
    pending = true;
    setTimeout(() => {
      pending = false;
      void refreshSummary();
      void refreshRates();
    }, 1000);
  }
});
