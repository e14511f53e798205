import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installPublicPages } from './app/installedModules.ts';
import { PublicApp } from './app/public/PublicApp.tsx';
import './app/global.css';
import { citizenPages } from './citizenPages.ts';

/**
 * The residents' entry (`citizen.html`): what a phone opening `/report` from a poster's QR code downloads. It
 * mounts only the modules' public pages, without the staff shell, the session or the staff pages' libraries
 * (tables, charts, icon packs); the server answers `/report…` and `/track…` with it (`citizenPaths.ts`).
 */
installPublicPages(citizenPages);

const container = document.getElementById('root');
if (!container) throw new Error('citizen.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <PublicApp />
  </StrictMode>,
);
