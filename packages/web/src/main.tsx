import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App, storedLanguage } from './App.js';
import { AuthProvider } from './auth/AuthContext.js';
import { DEFAULT_LANGUAGE, initI18n, isLanguage } from './i18n/index.js';

const stored = storedLanguage();
const language = isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
document.documentElement.lang = language;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Messages are bundled, so initialisation finishes at once; awaiting it avoids a first paint
// with raw message keys.
void initI18n(language).then(() => {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <AuthProvider>
          <App initialLanguage={language} />
        </AuthProvider>
      </BrowserRouter>
    </StrictMode>,
  );
});
