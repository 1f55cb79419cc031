import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Filesystems that hold no user data: kernel interfaces, memory-backed and read-only
 * image filesystems (a squashfs snap is always 100 % full and would only raise false
 * alarms). `overlay` stays, as it is the root disk of a container.
 */
const PSEUDO_TYPES = new Set([
  'autofs', 'binfmt_misc', 'bpf', 'cgroup', 'cgroup2', 'configfs', 'debugfs', 'devpts', 'devtmpfs', 'efivarfs',
  'erofs', 'fuse.gvfsd-fuse', 'fuse.lxcfs', 'fuse.portal', 'fusectl', 'hugetlbfs', 'iso9660', 'mqueue', 'nfsd',
  'nsfs', 'proc', 'pstore', 'ramfs', 'rpc_pipefs', 'securityfs', 'selinuxfs', 'squashfs', 'sysfs', 'tmpfs', 'tracefs',
]);

/** Kernel trees, and container runtimes' own layers (every container would add one). */
const PSEUDO_PATHS = /^\/(proc|sys|dev|run|snap|var\/lib\/docker\/.+|var\/lib\/containers\/.+|var\/lib\/kubelet\/.+)($|\/)/;

/**
 * The mount points of real, writable filesystems in `/proc/mounts`, in file order, one per
 * device (bind mounts of the same disk would repeat the same figures).
 */
export async function readRealMounts(procDir: string): Promise<string[]> {
  const text = await readFile(join(procDir, 'mounts'), 'utf8');
  const devices = new Set<string>();
  const mounts: string[] = [];
  for (const line of text.split('\n')) {
    const [device, rawPath, type, options] = line.split(' ');
    if (device === undefined || rawPath === undefined || type === undefined || options === undefined) continue;
    const path = unescapeMountPath(rawPath);
    if (PSEUDO_TYPES.has(type) || PSEUDO_PATHS.test(path) || options.split(',').includes('ro')) continue;
    if (devices.has(device) || mounts.includes(path)) continue;
    devices.add(device);
    mounts.push(path);
  }
  return mounts;
}

/** `/proc/mounts` writes space, tab, newline and backslash as octal escapes (`\040`). */
function unescapeMountPath(path: string): string {
  return path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}
