import { createClient } from '@amiable/sdk';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../src/app/app.tsx';
import { mockFetch, MockSocket } from './mock-server.ts';
import '../src/styles/tokens.css';
import '../src/styles/base.css';
import '../src/styles/layout.css';
import '../src/styles/components.css';
import '../src/styles/desktop.css';
import '../src/styles/wallboard.css';
import '../src/styles/admin.css';

/** The web app against the in-browser mock server: `npm run dev -w @amiable/web`, open /dev/preview.html. */
const client = createClient({ baseUrl: '', fetch: mockFetch, WebSocket: MockSocket });
const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App client={client} /></StrictMode>);
