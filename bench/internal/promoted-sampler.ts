import { writeFileSync } from 'node:fs';
import type { HeapProfiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';

type ProfileNode = HeapProfiler.SamplingHeapProfileNode;

/**
 * Samples the allocations that outlive the young generation over the measured window:
 * V8's sampling heap profiler, leaving out what a minor GC freed. What remains — promoted
 * garbage and new live data — is what grows old space, and so RSS. The `.heapprofile`
 * opens in Chrome DevTools (Memory, Load profile).
 */
export class PromotedAllocationSampler {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    // Node's typings predate the two flags; V8 has had them since 2022.
    const params = { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false };
    await this.session.post('HeapProfiler.startSampling', params as HeapProfiler.StartSamplingParameterType);
  }

  /** Stops, writes the profile to `file` and returns the `top` allocating functions, e.g. `12.3 MB runOnce src/probes/probe-runner.js:40`. */
  async stop(file: string, top = 8): Promise<string[]> {
    const { profile } = await this.session.post('HeapProfiler.stopSampling');
    this.session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    const bytes = new Map<string, number>();
    const visit = (node: ProfileNode): void => {
      const { functionName, url, lineNumber } = node.callFrame;
      const site = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(?=(src|bench|node_modules)\/)/, '')}:${lineNumber + 1}`;
      if (node.selfSize > 0) bytes.set(site, (bytes.get(site) ?? 0) + node.selfSize);
      for (const child of node.children) visit(child);
    };
    visit(profile.head);
    return [...bytes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([site, size]) => `${(size / 1024 / 1024).toFixed(1)} MB ${site}`);
  }
}
