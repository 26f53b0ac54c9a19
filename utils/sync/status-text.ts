/**
 * Maps the service's plain-English error sentences to locale keys, so the
 * popup shows them in the UI language. Unknown sentences are shown as they are.
 */
export interface LocalizedText {
  key: string;
  substitutions: string[];
}

const PATTERNS: [RegExp, string][] = [
  [/^Server unreachable$/, 'syncErrorUnreachable'],
  [/^Wrong user name or password \(401\)$/, 'syncErrorAuth'],
  [/^Server error (\d+)$/, 'syncErrorServer'],
  [/^Server did not answer within (\d+) s$/, 'syncErrorTimeout'],
  [/^No permission for database "([^"]+)" \(403\)/, 'syncErrorForbidden'],
  [/^Database "([^"]+)" does not exist and this account may not create it \(403\)$/, 'syncErrorCannotCreate'],
  [/^Database "([^"]+)" not found \(404\)$/, 'syncErrorNotFound'],
  [/^(\d+) note\(s\) could not be synced: /, 'syncErrorRefused'],
];

export function localizeSyncError(message: string): LocalizedText | null {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return { key, substitutions: match.slice(1) };
  }
  return null;
}
