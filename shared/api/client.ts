// A typed client over any transport that carries (name, request) to the handlers and brings
// back an ApiResponse: Electron IPC, the loopback bridge, or the dispatcher itself in tests.

import type { MethodName, RequestOf, ResponseOf } from './contract';
import type { ApiError, ApiResponse } from './errors';

export type Transport = (name: string, request: unknown) => Promise<ApiResponse<unknown>>;

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export type ApiClient = <Name extends MethodName>(name: Name, request: RequestOf<Name>) => Promise<ResponseOf<Name>>;

export function createApiClient(transport: Transport): ApiClient {
  return async (name, request) => {
    const response = await transport(name, request);
    if (!response.ok) throw new ApiCallError(response.error);
    return response.result as ResponseOf<typeof name>;
  };
}
