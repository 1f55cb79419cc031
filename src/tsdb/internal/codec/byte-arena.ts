/** Pages are 64 KB; an address is `page << 16 | offset`. */
const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const OFFSET_MASK = PAGE_SIZE - 1;
/**
 * Region sizes: 16 bytes (room for a free-list link) up to a page, in steps of 1.5 and 2
 * alternately (16, 24, 32, 48…), so a region wastes a fifth of its bytes on average, not a third.
 */
const SIZES: readonly number[] = Array.from({ length: 2 * (PAGE_BITS - 4) + 1 }, (_, i) => (i % 2 === 0 ? 16 : 24) << (i >> 1));
const CLASSES = SIZES.length;
const NONE = -1;
/** Empty pages kept for reuse; beyond these, an emptied page is dropped for the GC to free. */
const SPARE_PAGES = 8;
const NO_PAGE = Buffer.alloc(0);

/**
 * Byte regions of a few sizes (16 B to 64 KB) carved from 64 KB pages, each page holding
 * one size. Thousands of small growing buffers (open chunks) then cost their bytes
 * and two numbers each, where a `Uint8Array` apiece costs ~100 B of heap objects and, past
 * 64 bytes, ~400 B more of off-heap bookkeeping. A page whose regions are all freed goes
 * back to a common pool: series that started together grow together, and the regions
 * they leave behind must serve the next size, not wait for series of their old one.
 */
export class ByteArena {
  private pages: Buffer[] = [];
  /** Per page: regions in use, first free region, first never-used byte. */
  private used = new Int32Array(0);
  private freeHead = new Int32Array(0);
  private carveAt = new Int32Array(0);
  /** Pages of each class with room, as a doubly linked list. */
  private readonly partial = new Int32Array(CLASSES).fill(NONE);
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  private readonly pool: number[] = [];
  private held = 0;

  /** The size class of the smallest region holding `bytes`. */
  static classFor(bytes: number): number {
    if (bytes > PAGE_SIZE) throw new RangeError(`a region holds at most ${PAGE_SIZE} bytes, not ${bytes}`);
    let cls = 0;
    while ((SIZES[cls] as number) < bytes) cls++;
    return cls;
  }

  /** Bytes a region of `cls` holds. */
  static capacity(cls: number): number {
    return SIZES[cls] as number;
  }

  /** Bytes of pages held, in use or not. */
  get reservedBytes(): number {
    return this.held * PAGE_SIZE;
  }

  /** A region of size class `cls`; its bytes are whatever was there before. */
  alloc(cls: number): number {
    let page = this.partial[cls] as number;
    if (page === NONE) page = this.takePage(cls);
    let offset = this.freeHead[page] as number;
    if (offset !== NONE) this.freeHead[page] = this.readLink(page, offset);
    else {
      offset = this.carveAt[page] as number;
      this.carveAt[page] = offset + ByteArena.capacity(cls);
    }
    this.used[page] = (this.used[page] as number) + 1;
    if (this.isFull(page, cls)) this.unlink(page, cls);
    return (page << PAGE_BITS) | offset;
  }

  free(address: number, cls: number): void {
    const page = address >>> PAGE_BITS;
    const offset = address & OFFSET_MASK;
    const wasFull = this.isFull(page, cls);
    this.writeLink(page, offset, this.freeHead[page] as number);
    this.freeHead[page] = offset;
    const used = (this.used[page] as number) - 1;
    this.used[page] = used;
    if (used === 0) {
      if (!wasFull) this.unlink(page, cls);
      this.releasePage(page);
    } else if (wasFull) this.link(page, cls);
  }

  /** The page holding `address`; its bytes start at `offset(address)`. A Buffer, for `copy()`. */
  page(address: number): Buffer {
    return this.pages[address >>> PAGE_BITS] as Buffer;
  }

  offset(address: number): number {
    return address & OFFSET_MASK;
  }

  private isFull(page: number, cls: number): boolean {
    return this.freeHead[page] === NONE && (this.carveAt[page] as number) + ByteArena.capacity(cls) > PAGE_SIZE;
  }

  private takePage(cls: number): number {
    let page = this.pool.pop();
    if (page === undefined) {
      page = this.pages.length;
      this.pages.push(NO_PAGE);
      if (page >= this.used.length) this.growMeta(Math.max(64, page * 2));
    }
    if (this.pages[page] === NO_PAGE) {
      this.pages[page] = Buffer.allocUnsafeSlow(PAGE_SIZE);
      this.held++;
    }
    this.used[page] = 0;
    this.freeHead[page] = NONE;
    this.carveAt[page] = 0;
    this.link(page, cls);
    return page;
  }

  private releasePage(page: number): void {
    if (this.pool.length >= SPARE_PAGES) {
      this.pages[page] = NO_PAGE;
      this.held--;
    }
    this.pool.push(page);
  }

  private link(page: number, cls: number): void {
    const head = this.partial[cls] as number;
    this.next[page] = head;
    this.prev[page] = NONE;
    if (head !== NONE) this.prev[head] = page;
    this.partial[cls] = page;
  }

  private unlink(page: number, cls: number): void {
    const before = this.prev[page] as number;
    const after = this.next[page] as number;
    if (before !== NONE) this.next[before] = after;
    else this.partial[cls] = after;
    if (after !== NONE) this.prev[after] = before;
  }

  private growMeta(pages: number): void {
    this.used = grown(this.used, pages);
    this.freeHead = grown(this.freeHead, pages);
    this.carveAt = grown(this.carveAt, pages);
    this.next = grown(this.next, pages);
    this.prev = grown(this.prev, pages);
  }

  /** A free region holds the offset of the next free region of its page (NONE is 0xffffffff). */
  private readLink(page: number, offset: number): number {
    return (this.pages[page] as Buffer).readInt32LE(offset);
  }

  private writeLink(page: number, offset: number, next: number): void {
    (this.pages[page] as Buffer).writeInt32LE(next, offset);
  }
}

function grown(column: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(length);
  next.set(column);
  return next;
}
