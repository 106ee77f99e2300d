/**
 * Source offset of each character of a decoded key or value. Most lines have no escapes and no
 * continuations, so the map is usually linear and costs no per-character storage.
 */
export class OffsetMap {
  private constructor(
    private base: number,
    readonly length: number,
    private readonly explicit?: Int32Array,
  ) {}

  static linear(base: number, length: number): OffsetMap {
    return new OffsetMap(base, length);
  }

  /** Every character at one offset: for text whose escapes do not map one to one (JSON, YAML strings). */
  static constant(offset: number, length: number): OffsetMap {
    return new OffsetMap(0, length, new Int32Array(length).fill(offset));
  }

  static of(offsets: ArrayLike<number>): OffsetMap {
    for (let i = 1; i < offsets.length; i++) {
      if (offsets[i] !== offsets[0] + i) return new OffsetMap(0, offsets.length, Int32Array.from(offsets));
    }
    return new OffsetMap(offsets.length ? offsets[0] : 0, offsets.length);
  }

  /** Moves every offset by `delta`, in place: for facts kept while the text they were read from moved (formats/yaml/documentFacts.ts). */
  move(delta: number): void {
    if (this.explicit) for (let i = 0; i < this.explicit.length; i++) this.explicit[i] += delta;
    else this.base += delta;
  }

  at(index: number): number {
    return this.explicit ? this.explicit[index] : this.base + index;
  }
}
