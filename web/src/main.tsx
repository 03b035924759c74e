import { render } from 'preact';
import './fonts.css';
import './global.css';
import { App } from './app';
import { registerServiceWorker } from './lib/sw-register';

const root = document.getElementById('app');
if (root) render(<App />, root);
// Not under `npm run dev`: Vite's server has no built /sw.js.
if (import.meta.env.PROD) registerServiceWorker();
