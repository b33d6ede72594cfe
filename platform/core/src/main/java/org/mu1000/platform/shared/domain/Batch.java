package org.mu1000.platform.shared.domain;

/**
 * Writes of one tenant's deployment that go to the store together and in order. The application opens a batch,
 * the repositories of every context add their writes to it, and one call sends them. Like writes sent one by one,
 * they are not a transaction: the first that fails stops the rest, and {@link Failed} says which one it was.
 */
public interface Batch {
  /** How many writes the batch holds so far (a position for {@link Failed#index}). */
  int size();

  /** Sends the writes. Throws {@link Failed} for the first the store refused; none after it was applied. */
  void execute();

  /**
   * Marks the batch as written before, perhaps in part (it is written again after an interruption): its inserts
   * then leave a record that exists as it is, so the batch completes what the first attempt left.
   */
  void resumed();

  /** Whether {@link #resumed} was called. */
  boolean isResumed();

  /** After {@link #execute}: whether every conditional update of the batch found its record. */
  boolean allMatched();

  /** The write at {@code index} failed; the ones before it were applied, none after it. */
  final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final boolean duplicateKey;

    public Failed(int index, boolean duplicateKey, String message, Throwable cause) {
      super("write " + index + " of the batch failed: " + message, cause);
      this.index = index;
      this.duplicateKey = duplicateKey;
    }

    public int index() {
      return index;
    }

    /** The write would have stored a second record with a key that must be unique (an id, a lot number). */
    public boolean duplicateKey() {
      return duplicateKey;
    }
  }
}
