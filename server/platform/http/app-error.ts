import type { MessageVars } from '../i18n/translate.ts';

/** A field's problem, as a message key (translated when the response is written). */
export interface FieldProblem {
  key: string;
  vars?: MessageVars;
}

export type FieldProblems = Record<string, FieldProblem>;

/**
 * The one error type handlers throw. The error handler renders it as
 * `{ error: { code, message, fields } }` in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string,
    readonly vars: MessageVars = {},
    readonly fields: FieldProblems = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }

  static validation(fields: FieldProblems): AppError {
    return new AppError(400, 'validation_failed', 'error.validation_failed', {}, fields);
  }

  /** One field is wrong: the common case for a rule checked after schema validation. */
  static field(name: string, key: string, vars?: MessageVars): AppError {
    return AppError.validation({ [name]: vars ? { key, vars } : { key } });
  }

  static unauthenticated(): AppError {
    return new AppError(401, 'unauthenticated', 'error.unauthenticated');
  }

  static forbidden(): AppError {
    return new AppError(403, 'forbidden', 'error.forbidden');
  }

  /** `what` is a message key such as 'what.region'. Out-of-scope records are also "not found" (DESIGN rule 1). */
  static notFound(what = 'what.resource'): AppError {
    return new AppError(404, 'not_found', 'error.not_found', { what });
  }

  static conflict(what: string): AppError {
    return new AppError(409, 'conflict', 'error.conflict', { what });
  }
}
