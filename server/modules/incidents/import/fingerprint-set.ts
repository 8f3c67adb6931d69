// A set of 64-bit fingerprints in flat typed arrays (open addressing, linear probing): about
// 16 bytes per member at most, against roughly 100 bytes for a JavaScript Set of short strings.
// The bulk imports remember one member per row (a case's key, to find the same case on an
// earlier line), so over a million rows this is the difference between 16 MB and 100 MB.
// Members are the first 8 bytes of a SHA-256 digest: a false "already seen" needs a 64-bit
// collision, about 3 in 100 million for a file of a million cases.
import { createHash } from 'node:crypto';

const EMPTY = 0; // slot marker; a digest whose both halves are 0 is nudged to 1 (see `halves`)

export class FingerprintSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let size = 16;
    while (size < initialCapacity * 2) size *= 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the key; returns false when it was already there. */
  add(key: string): boolean {
    const [h, l] = halves(key);
    if (this.count * 2 >= this.hi.length) this.grow();
    return this.insert(h, l);
  }

  has(key: string): boolean {
    const [h, l] = halves(key);
    const mask = this.hi.length - 1;
    for (let i = l & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === EMPTY && this.lo[i] === EMPTY) return false;
      if (this.hi[i] === h && this.lo[i] === l) return true;
    }
  }

  private insert(h: number, l: number): boolean {
    const mask = this.hi.length - 1;
    for (let i = l & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === EMPTY && this.lo[i] === EMPTY) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.count++;
        return true;
      }
      if (this.hi[i] === h && this.lo[i] === l) return false;
    }
  }

  private grow(): void {
    const [oldHi, oldLo] = [this.hi, this.lo];
    this.hi = new Uint32Array(oldHi.length * 2);
    this.lo = new Uint32Array(oldLo.length * 2);
    this.count = 0;
    for (let i = 0; i < oldHi.length; i++) if (oldHi[i] !== EMPTY || oldLo[i] !== EMPTY) this.insert(oldHi[i]!, oldLo[i]!);
  }
}

function halves(key: string): [number, number] {
  const digest = createHash('sha256').update(key).digest();
  const h = digest.readUInt32BE(0);
  const l = digest.readUInt32BE(4);
  return h === EMPTY && l === EMPTY ? [0, 1] : [h, l];
}
