// The global styles load first, so each capability's own CSS (imported by its
// index.js) refines them.
import './styles.css';
import { render } from 'preact';
import { App } from './app.jsx';
import { loadCodeLists } from './journey/records.jsx';
import { installRouter } from './shared/router.js';
import { loadSession } from './shared/session.js';

installRouter();
loadSession();
// The pages show codes by the server's lists, so they wait for them (or their failure).
loadCodeLists().finally(() => render(<App />, document.getElementById('app')));
