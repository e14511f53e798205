/**
 * After a step or form was refused: focus its first invalid control (or message) once React has drawn the
 * messages, so a keyboard or screen-reader user lands on what to fix and hears it.
 */
export function focusFirstInvalid(scope: () => ParentNode | null | undefined = () => document): void {
  requestAnimationFrame(() =>
    scope()?.querySelector<HTMLElement>('[aria-invalid="true"], [data-first-error]')?.focus(),
  );
}
