import { render } from 'preact';
import { App } from './app.jsx';
import { installRouter } from './router.js';
import { loadSession } from './session.js';
import './styles.css';

installRouter();
loadSession();
render(<App />, document.getElementById('app'));
