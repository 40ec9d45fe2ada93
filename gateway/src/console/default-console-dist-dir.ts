import { fileURLToPath } from 'node:url';

/** `gateway/dist/console`, where `npm run build -w gateway` puts the console bundle. */
export const DEFAULT_CONSOLE_DIST_DIR = fileURLToPath(new URL('../../dist/console', import.meta.url));
