import { readFileSync } from 'node:fs';

const MB = 1024 * 1024;

/**
 * Samples this process's resident set size on a timer, keeping the peak of the whole
 * run and the peak since `markWindow()`. The timer is unref'd and cheap
 * (`memoryUsage.rss()` reads one number, unlike `memoryUsage()` which also walks the heap).
 */
export class RssSampler {
  peakBytes = 0;
  /** When the peak was sampled, epoch ms. */
  peakAt = 0;
  windowPeakBytes = 0;
  /** Highest RSS of each second since `start()`, in MB: where a peak came from, in the JSON results. */
  readonly bySecondMb: number[] = [];
  private startedAt = 0;
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs: number): void {
    this.startedAt = Date.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  markWindow(): void {
    this.windowPeakBytes = process.memoryUsage.rss();
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  get peakMb(): number {
    return this.peakBytes / MB;
  }

  get windowPeakMb(): number {
    return this.windowPeakBytes / MB;
  }

  private sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peakBytes) [this.peakBytes, this.peakAt] = [rss, Date.now()];
    if (rss > this.windowPeakBytes) this.windowPeakBytes = rss;
    const second = Math.floor((Date.now() - this.startedAt) / 1_000);
    this.bySecondMb[second] = Math.max(this.bySecondMb[second] ?? 0, Math.round(rss / MB));
  }
}

/** The kernel's high-water mark of resident memory for this process (`VmHWM`), in MB; 0 off Linux. */
export function readVmHwmMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
