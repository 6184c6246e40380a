/**
 * One retained event: its seq on this stream and the event JSON shared by every stream that got
 * it (the frame text is built when sent, so retention costs a small object per stream).
 */
export interface RetainedFrame {
  seq: number;
  body: string;
}

/**
 * The last `capacity` event frames of a stream, for replay after a reconnect. Sequence numbers are
 * consecutive, so the buffer can tell whether it still holds everything after a given seq.
 */
export function createRingBuffer(capacity: number) {
  // Grows as events arrive: an idle stream costs nothing here.
  const slots: (RetainedFrame | undefined)[] = [];
  let start = 0;
  let size = 0;

  return {
    push(frame: RetainedFrame): void {
      if (size < capacity) {
        slots[(start + size) % capacity] = frame;
        size++;
      } else {
        slots[start] = frame;
        start = (start + 1) % capacity;
      }
    },
    /** Frames with seq > `after`, oldest first; undefined if some of them were already dropped. */
    since(after: number, head: number): RetainedFrame[] | undefined {
      const wanted = head - after;
      if (wanted < 0 || wanted > size) return undefined;
      const out: RetainedFrame[] = [];
      for (let i = size - wanted; i < size; i++) out.push(slots[(start + i) % capacity]!);
      return out;
    },
    get size(): number {
      return size;
    },
  };
}
export type RingBuffer = ReturnType<typeof createRingBuffer>;
