/**
 * Decoding a large saved library off the page's thread, in two halves that together answer exactly as
 * `decodePersisted(text)` on the page: the worker decodes the text and writes each model's saved text beside it
 * (`decodeForTransfer`); the page takes the structured-clone copy that arrives and commits it without parsing the
 * models again (`adoptDecoded`). Pure: the worker itself is src/workers/saved-library.worker.ts.
 */
import { validateScenarioCopy } from '../domain/validate-scenario';
import { decodePersisted } from './persisted-envelope';
import type { DecodeResult, LibraryEntry } from './persisted-envelope';
import { rememberModelText, serializeModelCompact } from './scenario-file';

/**
 * A decode made in a worker: `decodePersisted`'s answer and, when it opened, each library entry's models'
 * texts as a save writes them (`serializeModelCompact`), in the library's and each catalog's order.
 */
export type TransferredDecode =
  Extract<DecodeResult, { ok: false }> | (Extract<DecodeResult, { ok: true }> & { modelTexts: string[][] });

/** The worker's half: decodes saved text (`decodePersisted`) and writes every opened model's text. */
export function decodeForTransfer(text: string): TransferredDecode {
  const decoded = decodePersisted(text);
  if (!decoded.ok) return decoded;
  const modelTexts = decoded.state.library.map((entry) => entry.scenario.catalog.map(serializeModelCompact));
  return { ...decoded, modelTexts };
}

/**
 * The page's half: a decode made in a worker, as it arrives (a structured-clone copy), made what
 * `decodePersisted` returns on the page. Each scenario is committed as a validated copy (`validateScenarioCopy`:
 * its models are not parsed again, its strategies are, and the cross-field checks run on the whole), and each
 * model's text is remembered so that the next save does not write it again. Null when a scenario does not pass
 * again or the texts do not match the models: the caller then decodes the text on the page.
 */
export function adoptDecoded(copy: TransferredDecode): DecodeResult | null {
  if (!copy.ok) return copy;
  const { modelTexts, ...decoded } = copy;
  if (modelTexts.length !== decoded.state.library.length) return null;
  const library: LibraryEntry[] = [];
  for (const [index, entry] of decoded.state.library.entries()) {
    const checked = validateScenarioCopy(entry.scenario);
    const texts = modelTexts[index]!;
    if (!checked.ok || texts.length !== checked.value.catalog.length) return null;
    checked.value.catalog.forEach((model, i) => rememberModelText(model, texts[i]!));
    library.push({ id: entry.id, scenario: checked.value });
  }
  return { ...decoded, state: { ...decoded.state, library } };
}
