// Start-up: connect the one client (Electron IPC or the preview's loopback bridge), put it in
// the store, and show the window.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { rendererClient } from './api/client';
import { MissingTokenError } from './api/transport';
import { App } from './App';
import { resetStore } from './store';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/tables.css';
import './styles/screens.css';

const root = createRoot(document.getElementById('root')!);

try {
  resetStore({ api: rendererClient() });
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} catch (error) {
  const message = error instanceof MissingTokenError ? error.message : 'Не удалось запустить Munplan.';
  root.render(
    <div className="startup-problem" role="alert">
      <h1>Munplan</h1>
      <p>{message}</p>
    </div>,
  );
}
