// Errors cross every transport as plain data: a code for programs, a Russian message for people.

export const API_ERROR_CODES = ['unknownMethod', 'invalidRequest', 'notFound', 'conflict', 'invalidInput', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorDetail {
  /** Where in the request or the input: «cells[3].amount», «Таблица 4, строка 12, столбец «2023 г.»». */
  where: string;
  message: string;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  details?: ApiErrorDetail[];
}

export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/** Thrown by handlers for anything the user can fix; the dispatcher turns it into an ApiError. */
export class ApiFailure extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal'>,
    message: string,
    readonly details?: ApiErrorDetail[],
  ) {
    super(message);
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && typeof (value as ApiError).code === 'string' && typeof (value as ApiError).message === 'string';
}
