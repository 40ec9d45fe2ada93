import { createRoot } from 'react-dom/client';
import { PLAYGROUND_ROOT_ELEMENT_ID } from '../playground-config.ts';
import { PlaygroundApp } from './playground-app.tsx';
import { readPlaygroundConfig } from './read-playground-config.ts';
import { setupMonacoWorkers } from './setup-monaco-workers.ts';

const config = readPlaygroundConfig(document);
setupMonacoWorkers(config.workers);

const container = document.getElementById(PLAYGROUND_ROOT_ELEMENT_ID);
if (container === null) throw new Error(`playground: missing #${PLAYGROUND_ROOT_ELEMENT_ID} element`);
createRoot(container).render(<PlaygroundApp config={config} />);
