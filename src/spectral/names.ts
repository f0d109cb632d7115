import { InputError } from '../errors.js';

/** The error for a name that is not in a catalogue; it lists the valid names. */
export function unknownName(field: string, name: string, valid: string[], alsoAccepted?: string): InputError {
  const also = alsoAccepted ? `; also accepted: ${alsoAccepted}` : '';
  return new InputError(`${field}: unknown name "${name}"; valid names: ${valid.join(', ')}${also}`);
}

/** Case-insensitive lookup key; en and em dashes count as hyphens. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\u2013\u2014]/g, '-');
}
