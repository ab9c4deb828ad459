/**
 * One task at a time across sync transports. `storage.sync` and WebDAV merge into the same notes
 * and record the same histories: a merge's write and its record, or reading the notes and giving
 * them histories, must not interleave with the other transport's, or a note just merged would be
 * read with its old history and taken for an edit made here.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` once every task queued before it has settled; resolves or rejects as it does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
