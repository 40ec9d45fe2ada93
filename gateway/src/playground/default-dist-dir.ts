import { fileURLToPath } from 'node:url';

/** `gateway/dist/playground`, where `npm run build -w gateway` puts the bundle. */
export const DEFAULT_PLAYGROUND_DIST_DIR = fileURLToPath(new URL('../../dist/playground', import.meta.url));
