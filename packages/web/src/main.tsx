import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import './i18n/index.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/desktop.css';
import './styles/wallboard.css';
import './styles/admin.css';
import './styles/admin-console.css';
import './styles/supervisor.css';
import './styles/desk.css';
import './styles/reports.css';
import './styles/wrapup.css';
import './styles/integrations.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
