/**
 * The stand-in app for release tests and the release bench, run as `node --input-type=module -e SOURCE <dir>`:
 * serves `current/version.txt` per request (so switching the `current -> v1|v2` symlink deploys a
 * version); `/healthz` answers 500 while `current/broken` exists, and when `current/health` lists
 * statuses (`503 503 200`) it answers them in turn per version, the last one repeating. Prints its
 * port once listening.
 * Kept as text so it runs from the compiled bench as well as from the sources.
 */
export const STAND_IN_APP_SOURCE = `
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const root = process.argv[1];
const healthChecks = new Map();
const server = createServer((req, res) => {
  const current = join(root, 'current');
  let version = 'none';
  try {
    version = readFileSync(join(current, 'version.txt'), 'utf8').trim();
  } catch {
    // Not deployed yet.
  }
  if (req.url === '/healthz' && existsSync(join(current, 'broken'))) return res.writeHead(500).end(\`broken \${version}\n\`);
  if (req.url === '/healthz' && existsSync(join(current, 'health'))) {
    const statuses = readFileSync(join(current, 'health'), 'utf8').trim().split(/\\s+/).map(Number);
    const seen = healthChecks.get(version) ?? 0;
    healthChecks.set(version, seen + 1);
    const status = statuses[Math.min(seen, statuses.length - 1)];
    return res.writeHead(status, { 'content-type': 'text/plain' }).end(\`\${status === 200 ? 'healthy' : 'warming up'} \${version}\n\`);
  }
  res.writeHead(200, { 'content-type': 'text/plain' }).end(\`\${version}\n\`);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(\`\${server.address().port}\n\`));
`;
