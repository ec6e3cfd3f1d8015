// The one typed client of the renderer, over the transport chosen at start-up. Only main.tsx
// asks for it and puts it in the store; everything else takes the client from the store, so
// tests inject their own over a real dispatcher.

import { createApiClient, type ApiClient } from '../../shared/api/client';
import { chooseTransport } from './transport';

let client: ApiClient | null = null;

/** Throws MissingTokenError when the preview page was opened without its token. */
export function rendererClient(): ApiClient {
  return (client ??= createApiClient(chooseTransport()));
}
