import { adoptedManifests } from '../modules/adopt.ts';
import type { AnyImportKind } from './import-kind.ts';

/** Every import kind the adopted manifests declare (the worker finds a run's kind here). */
export function adoptedImportKinds(): AnyImportKind[] {
  return adoptedManifests().flatMap((manifest) => manifest.imports ?? []);
}
