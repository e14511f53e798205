import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { installModules } from './app/installedModules.ts';
import './app/global.css';
import { webModules } from './modules/index.ts';

// The composition root: the shell is handed the module list here and never imports it.
installModules(webModules);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
