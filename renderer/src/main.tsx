import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './api';
import { App } from './app/App';
import { initI18n } from './i18n';
import './styles.css';
import './sync.css';
import './review.css';
import './release.css';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
