import type { ReactNode } from 'react';

interface Props {
  /** The control's id: the label points at it, its messages are `${id}-error` and `${id}-hint`. */
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}

/** A labelled form field: the control, then its error (after the citizen tried to go on) and its hint. */
export function Field({ id, label, error, hint, children }: Props) {
  return (
    <div className="wm-field">
      <label className="wm-field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error && (
        <div className="wm-field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
      {hint && (
        <div className="wm-field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}

/**
 * What a control inside `Field` carries so screen readers tell its state: invalid, and described by the error
 * and hint the field shows (read when focus lands on it, as `focusFirstInvalid` does after a refused step).
 */
export function fieldAria(
  id: string,
  { error, hint, required }: { error?: string; hint?: unknown; required?: boolean },
) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter((part) => part !== '').join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': described === '' ? undefined : described,
  } as const;
}
