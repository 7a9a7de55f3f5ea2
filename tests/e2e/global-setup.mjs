// Starts one static server for the whole run, serving the release build (dist/) under
// /study/, and hands its URL to the tests through APP_URL.
import { serve } from './static-server.mjs';

export default async function globalSetup() {
  const server = await serve(process.env.DIST_DIR ?? 'dist', '/study/');
  process.env.APP_URL = server.url;
  return async () => server.close();
}
