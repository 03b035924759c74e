import { render } from 'preact';
import './fonts.css';
import './global.css';
import { App } from './app';

const root = document.getElementById('app');
if (root) render(<App />, root);
