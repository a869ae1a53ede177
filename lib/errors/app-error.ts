import "server-only";
/**
 * The one error type of the app. Its code maps to an HTTP status; its message is one a person can act on.
 */
export const APP_ERROR_STATUS = {
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_STATUS;
/** One bad field: `code` is the key of its message in the UI catalogs ("validation.email"), for a client to translate. */
export type TFieldError = { path: string; code?: string; message: string };

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly errors: TFieldError[];
  /** Seconds after which trying again can succeed (429, 503): sent as Retry-After. */
  readonly retryAfter?: number;
  /** Methods the resource answers (405): sent as Allow. */
  readonly allow?: string[];

  constructor(code: TAppErrorCode, message: string, errors: TFieldError[] = [], options: { retryAfter?: number; allow?: string[] } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.errors = errors;
    this.retryAfter = options.retryAfter === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfter));
    this.allow = options.allow;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}
