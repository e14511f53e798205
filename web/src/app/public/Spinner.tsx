import './public.css';

/** A small turning ring beside words that say what is under way; hidden from screen readers, the words speak. */
export function Spinner() {
  return <span className="wm-spinner" aria-hidden="true" />;
}
