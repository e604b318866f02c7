/** A REST failure as the portal reports it: `{error, error_description}` with an HTTP status. */
export class RestError extends Error {
  readonly code: string | number;
  readonly status: number;
  readonly extra: Record<string, unknown>;

  constructor(code: string | number, description: string, status = 400, extra: Record<string, unknown> = {}) {
    super(description);
    this.code = code;
    this.status = status;
    this.extra = extra;
  }

  get description(): string {
    return this.message;
  }

  toBody(): Record<string, unknown> {
    return { error: this.code, error_description: this.message, ...this.extra };
  }
}

export const restErrors = {
  noAuth: () => new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401),
  invalidToken: () => new RestError('invalid_token', 'The access token provided is invalid.', 401),
  expiredToken: () => new RestError('expired_token', 'The access token provided has expired', 401),
  // 403 for both, as the docs' system errors table has them (the module code sends 401).
  invalidCredentials: () => new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 403),
  insufficientScope: (webhook: boolean, insideBatch: boolean) =>
    new RestError(
      'insufficient_scope',
      insideBatch
        ? ''
        : `The request requires higher privileges than provided by the ${webhook ? 'webhook' : 'access'} token`,
      403,
    ),
  methodNotFound: () => new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404),
  queryLimit: () => new RestError('QUERY_LIMIT_EXCEEDED', 'Too many requests', 503),
  wrongAuthType: () =>
    new RestError(
      'WRONG_AUTH_TYPE',
      'Current authorization type is denied for this method Application context required',
      403,
    ),
  accessDenied: (detail = '') =>
    new RestError('ACCESS_DENIED', detail ? `Access denied! ${detail}` : 'Access denied!', 403),
  argumentNull: (name: string) =>
    new RestError('ERROR_ARGUMENT', `Argument '${name}' is null or empty`, 400, { argument: name }),
  internal: (message: string) => new RestError('INTERNAL_SERVER_ERROR', message, 500),
};
