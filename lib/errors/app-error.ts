/**
 * The one error type of the app. Its code maps to an HTTP status; its message is one a person can act on.
 */
export const APP_ERROR_STATUS = {
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  BAD_REQUEST: 400,
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

  constructor(code: TAppErrorCode, message: string, errors: TFieldError[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.errors = errors;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}
