/** Sync failures, each with a sentence a reader understands. */
export type SyncErrorKind = 'unreachable' | 'timeout' | 'auth' | 'forbidden' | 'not-found' | 'server' | 'protocol' | 'aborted' | 'config';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** Worth retrying later with backoff (vs. needs the user to fix settings). */
  get transient(): boolean {
    return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'server';
  }
}

/** Plain words for an HTTP status from the server. */
export function describeStatus(status: number, database: string, reason?: string): SyncError {
  if (status === 401) return new SyncError('auth', 'Wrong user name or password (401)', status);
  if (status === 403) return new SyncError('forbidden', `No permission for database "${database}" (403)${reason ? `: ${reason}` : ''}`, status);
  if (status === 404) return new SyncError('not-found', `Database "${database}" not found (404)`, status);
  if (status === 413) return new SyncError('protocol', 'The server refused a request as too large (413)', status);
  if (status >= 500) return new SyncError('server', `Server error ${status}`, status);
  return new SyncError('protocol', `Unexpected answer from the server (${status})${reason ? `: ${reason}` : ''}`, status);
}

export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SyncError('protocol', message || 'Unexpected sync error');
}
