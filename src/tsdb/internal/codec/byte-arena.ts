/** Pages are 64 KB; an address is `page << 16 | offset`. */
const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const OFFSET_MASK = PAGE_SIZE - 1;
/** The smallest region is 16 bytes (room for a free-list link and then some). */
const MIN_REGION_BITS = 4;
const CLASSES = PAGE_BITS - MIN_REGION_BITS + 1;
const NONE = -1;

/**
 * Byte regions of power-of-two sizes (16 B to 64 KB) carved from 64 KB pages, with a free
 * list per size. Thousands of small growing buffers (open chunks) then cost their bytes and
 * two numbers each, where a `Uint8Array` apiece costs ~100 B of heap objects and, past
 * 64 bytes, ~400 B more of off-heap bookkeeping. Freed regions are reused, pages are kept.
 */
export class ByteArena {
  private readonly pages: Buffer[] = [];
  /** First free region of each size class, or NONE; a free region holds the next one's address. */
  private readonly freeHeads = new Array<number>(CLASSES).fill(NONE);
  /** Where the next fresh region is carved: the last page, from this offset. */
  private carveAt = PAGE_SIZE;

  /** The size class of the smallest region holding `bytes`. */
  static classFor(bytes: number): number {
    if (bytes > PAGE_SIZE) throw new RangeError(`a region holds at most ${PAGE_SIZE} bytes, not ${bytes}`);
    let cls = 0;
    while (1 << (cls + MIN_REGION_BITS) < bytes) cls++;
    return cls;
  }

  /** Bytes a region of `cls` holds. */
  static capacity(cls: number): number {
    return 1 << (cls + MIN_REGION_BITS);
  }

  /** Bytes of pages held, in use or free. */
  get reservedBytes(): number {
    return this.pages.length * PAGE_SIZE;
  }

  /** A region of size class `cls`; its bytes are whatever was there before. */
  alloc(cls: number): number {
    const free = this.freeHeads[cls] as number;
    if (free !== NONE) {
      this.freeHeads[cls] = this.readLink(free);
      return free;
    }
    const size = ByteArena.capacity(cls);
    if (this.carveAt + size > PAGE_SIZE) this.newPage();
    const address = ((this.pages.length - 1) << PAGE_BITS) | this.carveAt;
    this.carveAt += size;
    return address;
  }

  free(address: number, cls: number): void {
    this.writeLink(address, this.freeHeads[cls] as number);
    this.freeHeads[cls] = address;
  }

  /** The page holding `address`; its bytes start at `offset(address)`. A Buffer, for `copy()`. */
  page(address: number): Buffer {
    return this.pages[address >>> PAGE_BITS] as Buffer;
  }

  offset(address: number): number {
    return address & OFFSET_MASK;
  }

  private newPage(): void {
    // The tail of the full page goes to the free lists of the sizes it can hold.
    const last = this.pages.length - 1;
    for (let cls = CLASSES - 1; cls >= 0 && last >= 0; cls--) {
      const size = ByteArena.capacity(cls);
      while (this.carveAt + size <= PAGE_SIZE) {
        this.free((last << PAGE_BITS) | this.carveAt, cls);
        this.carveAt += size;
      }
    }
    this.pages.push(Buffer.alloc(PAGE_SIZE));
    this.carveAt = 0;
  }

  private readLink(address: number): number {
    const p = this.page(address);
    const o = this.offset(address);
    return ((p[o] as number) | ((p[o + 1] as number) << 8) | ((p[o + 2] as number) << 16) | ((p[o + 3] as number) << 24));
  }

  private writeLink(address: number, next: number): void {
    const p = this.page(address);
    const o = this.offset(address);
    p[o] = next & 0xff;
    p[o + 1] = (next >>> 8) & 0xff;
    p[o + 2] = (next >>> 16) & 0xff;
    p[o + 3] = (next >>> 24) & 0xff;
  }
}
