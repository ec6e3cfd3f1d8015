// Values worked out for one frame of the grid and kept for the next: what the last frame and this
// one asked for is remembered, anything older is let go, so scrolling through 10 000 rows leaves
// nothing behind.

export class FrameMemo<K, V> {
  private previous = new Map<K, V>();
  private current = new Map<K, V>();

  /** A new frame: what the last one asked for is remembered, what the one before asked for is let go. */
  nextFrame(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: K): V | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }

  /** Remembers the value for this frame; whatever this frame asks for must be set, found or not. */
  set(key: K, value: V): void {
    this.current.set(key, value);
  }
}
