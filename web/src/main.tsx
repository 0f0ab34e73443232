import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { fetchClientConfig } from './app/auth/client-config';
import { createSession } from './app/auth/create-session';
import { createApolloClient } from './app/graphql/apollo-client';
import { StartupError } from './app/StartupError';
import './app/styles.scss';

// nhsuk-frontend's scripts only run on a page that says it supports them
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

const root = createRoot(document.getElementById('root')!);

async function start() {
  try {
    const session = await createSession(await fetchClientConfig());
    root.render(
      <StrictMode>
        <App session={session} client={createApolloClient(session)} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<StartupError error={error} />);
  }
}

void start();
