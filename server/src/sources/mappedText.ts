// A decoded string that remembers where each of its characters came from in the file.
// JSON inside a YAML string inside a file is decoded layer by layer; each layer maps its
// characters back through the layer below, so a key deep inside still gets an exact range.

/** Decoded text plus, per character, the file offsets it was decoded from. */
export class MappedText {
  private constructor(
    readonly text: string,
    /** identity mapping: char i sits at file offset base + i */
    private readonly base: number | undefined,
    private readonly starts: number[] | undefined,
    private readonly ends: number[] | undefined,
    /** file range of the whole thing; the answer for every range when no exact mapping exists */
    readonly whole: [number, number],
  ) {}

  /** Text that appears in the file as is, starting at `base`. */
  static identity(text: string, base: number): MappedText {
    return new MappedText(text, base, undefined, undefined, [base, base + text.length]);
  }

  /** Decoded text whose characters cannot be traced back one by one (e.g. folded block scalars). */
  static unmapped(text: string, whole: [number, number]): MappedText {
    return new MappedText(text, undefined, undefined, undefined, whole);
  }

  static fromArrays(text: string, starts: number[], ends: number[], whole: [number, number]): MappedText {
    return new MappedText(text, undefined, starts, ends, whole);
  }

  /** true when every character has its own file offsets. */
  get exact(): boolean {
    return this.base !== undefined || this.starts !== undefined;
  }

  /** File offset where character i starts (i = length: where the text ends). */
  startOf(i: number): number {
    if (this.base !== undefined) return this.base + i;
    if (!this.starts || !this.ends) return this.whole[0];
    if (i < this.starts.length) return this.starts[i];
    return this.ends.length ? this.ends[this.ends.length - 1] : this.whole[0];
  }

  /** File offset just after character i. */
  endOf(i: number): number {
    if (this.base !== undefined) return this.base + i + 1;
    if (!this.starts || !this.ends) return this.whole[1];
    if (i < 0) return this.whole[0];
    return this.ends[Math.min(i, this.ends.length - 1)] ?? this.whole[0];
  }

  /** File range of the decoded characters [a, b). */
  range(a: number, b: number): [number, number] {
    if (!this.exact) return this.whole;
    if (b <= a) {
      const at = a < this.text.length ? this.startOf(a) : this.startOf(this.text.length);
      return [at, at];
    }
    return [this.startOf(a), this.endOf(b - 1)];
  }

  /** A slice [a, b) of this text that keeps its mapping. */
  slice(a: number, b: number): MappedText {
    const text = this.text.slice(a, b);
    const whole = this.range(a, b);
    if (this.base !== undefined) return MappedText.identity(text, this.base + a);
    if (!this.starts || !this.ends) return MappedText.unmapped(text, this.whole);
    return MappedText.fromArrays(text, this.starts.slice(a, b), this.ends.slice(a, b), whole);
  }
}

/**
 * Collects decoded characters, each with the range [from, to) of input characters it
 * came from; `build` turns input indices into file offsets through the input's mapping.
 */
export class MappedBuilder {
  private readonly parts: string[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];

  constructor(private readonly input: MappedText) {}

  get length(): number {
    return this.from.length;
  }

  /** Append decoded text (each UTF-16 unit gets the same source span). */
  push(decoded: string, from: number, to: number): void {
    for (let k = 0; k < decoded.length; k++) {
      this.parts.push(decoded[k]);
      this.from.push(from);
      this.to.push(to);
    }
  }

  /** The last decoded character, when it came from exactly one input space or tab. */
  lastIsLiteralBlank(): boolean {
    const n = this.from.length - 1;
    if (n < 0) return false;
    const c = this.parts[n];
    return (c === ' ' || c === '\t') && this.to[n] - this.from[n] === 1 && this.input.text[this.from[n]] === c;
  }

  pop(): void {
    this.parts.pop();
    this.from.pop();
    this.to.pop();
  }

  /** Finish; [contentFrom, contentTo) are the input indices of the whole decoded region. */
  build(contentFrom: number, contentTo: number): MappedText {
    const text = this.parts.join('');
    const whole = this.input.range(contentFrom, contentTo);
    if (!this.input.exact) return MappedText.unmapped(text, whole);
    const starts = new Array<number>(this.from.length);
    const ends = new Array<number>(this.from.length);
    for (let k = 0; k < this.from.length; k++) {
      starts[k] = this.input.startOf(this.from[k]);
      ends[k] = this.input.endOf(this.to[k] - 1);
    }
    return MappedText.fromArrays(text, starts, ends, whole);
  }
}
