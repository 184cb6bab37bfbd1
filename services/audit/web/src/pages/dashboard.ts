import '../styles.css';
import 'uplot/dist/uPlot.min.css';
import { deleteJson } from '../lib/api';
import { byId } from '../lib/dom';
import { GENERIC_VIEWS, loadGeneric, openVerificationStream, showMeter, showTrace } from '../views/domain';
import { showSearch } from '../views/explorer';
import {
  addLiveBlock,
  refreshChaincodes,
  refreshLatest,
  refreshRates,
  refreshSummary,
} from '../views/overview';
import { checkProof } from '../views/proofs';
import type { BlockSummary } from '../views/types';

// Routes that open something by argument: which section shows it, which input echoes it, what opens it.
const ARGUMENT_ROUTES: Readonly<
  Record<string, { section: string; input: string; open: (value: string) => Promise<void> }>
> = {
  block: { section: 'search', input: 'search-input', open: showSearch },
  tx: { section: 'search', input: 'search-input', open: showSearch },
  proof: { section: 'proofs', input: 'proof-input', open: checkProof },
};

function showSection(shown: string): void {
  for (const element of document.querySelectorAll<HTMLElement>('main > section')) {
    element.hidden = element.id !== shown;
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    link.classList.toggle('active', link.hash === `#${shown}`);
  }
}

/** Hash routes: `#<section>`, `#block/<n>`, `#tx/<id>`, `#proof/<verificationId>`. */
function route(): void {
  const [hashSection, argument] = decodeURIComponent(window.location.hash.slice(1)).split('/');
  const section = hashSection === undefined || hashSection === '' ? 'overview' : hashSection;
  const byArgument = ARGUMENT_ROUTES[section];
  showSection(byArgument?.section ?? section);
  if (byArgument !== undefined) {
    if (argument !== undefined) {
      byId<HTMLInputElement>(byArgument.input).value = argument;
      void byArgument.open(argument);
    }
    return;
  }
  if (section === 'verifications') {
    openVerificationStream();
    return;
  }
  const generic = GENERIC_VIEWS.find((view) => view.id === section);
  if (generic !== undefined) {
    void loadGeneric(generic.id, generic.path);
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
blocks.addEventListener('open', () => {
  void refreshLatest();
});
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
