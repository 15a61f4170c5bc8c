/**
 * boardKey (opaque, built by the caller) -> a board a rank store has loaded (the in-process index,
 * or a Redis sorted set it filled). `ensure` loads a board once: callers that ask while it loads
 * share the same load; a failed load is not kept. Submissions that commit while a board loads may
 * be missing from the snapshot the load read, so re-apply them after `ensure` resolves (keep-best
 * makes that idempotent).
 *
 * A load carries what answers the board's reads until it is done (`Meanwhile`: the board read from
 * the database), held with the load so that it lives exactly as long as the load does.
 */
export class BoardLoads<Board, Meanwhile> {
  private readonly boards = new Map<string, Board>();
  private readonly loading = new Map<string, { load: Promise<Board>; meanwhile: Meanwhile }>();

  get(boardKey: string): Board | undefined {
    return this.boards.get(boardKey);
  }

  has(boardKey: string): boolean {
    return this.boards.has(boardKey);
  }

  /** The boards loaded or loading. */
  keys(): string[] {
    return [...new Set([...this.boards.keys(), ...this.loading.keys()])];
  }

  /** The board once its load (if one runs) is done; undefined when it is neither loaded nor loading, or its load failed. */
  async loaded(boardKey: string): Promise<Board | undefined> {
    const pending = this.loading.get(boardKey);
    return pending ? pending.load.catch(() => undefined) : this.boards.get(boardKey);
  }

  /** Whether the board is being loaded now. */
  isLoading(boardKey: string): boolean {
    return this.loading.has(boardKey);
  }

  /** What answers the board's reads while it loads (given to `ensure`); undefined unless it is loading. */
  meanwhile(boardKey: string): Meanwhile | undefined {
    return this.loading.get(boardKey)?.meanwhile;
  }

  /** The board, loaded by `load` if it is not loaded yet, with `meanwhile` held until it is. */
  ensure(boardKey: string, load: () => Board | Promise<Board>, meanwhile: Meanwhile): Promise<Board> {
    const ready = this.boards.get(boardKey);
    if (ready !== undefined) return Promise.resolve(ready);
    const pending = this.loading.get(boardKey);
    if (pending) return pending.load;
    const loaded: Promise<Board> = Promise.resolve()
      .then(load)
      .then((board) => {
        // Installed only if the board was not dropped meanwhile (nor dropped and loaded anew).
        if (this.loading.get(boardKey)?.load === loaded) this.boards.set(boardKey, board);
        return this.boards.get(boardKey) ?? board;
      })
      .finally(() => {
        if (this.loading.get(boardKey)?.load === loaded) this.loading.delete(boardKey);
      });
    this.loading.set(boardKey, { load: loaded, meanwhile });
    return loaded;
  }

  /** Forgets a board (e.g. a closed period); answers whether it was loaded or loading. */
  drop(boardKey: string): boolean {
    const wasLoading = this.loading.delete(boardKey);
    return this.boards.delete(boardKey) || wasLoading;
  }
}
