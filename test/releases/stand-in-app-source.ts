/**
 * The stand-in app for release tests and the release bench, run as `node --input-type=module -e SOURCE <dir>`:
 * serves `current/version.txt` per request (so switching the `current -> v1|v2` symlink deploys a
 * version); `/healthz` answers 500 while `current/broken` exists. Prints its port once listening.
 * Kept as text so it runs from the compiled bench as well as from the sources.
 */
export const STAND_IN_APP_SOURCE = `
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const root = process.argv[1];
const server = createServer((req, res) => {
  const current = join(root, 'current');
  let version = 'none';
  try {
    version = readFileSync(join(current, 'version.txt'), 'utf8').trim();
  } catch {
    // Not deployed yet.
  }
  if (req.url === '/healthz' && existsSync(join(current, 'broken'))) return res.writeHead(500).end(\`broken \${version}\n\`);
  res.writeHead(200, { 'content-type': 'text/plain' }).end(\`\${version}\n\`);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(\`\${server.address().port}\n\`));
`;
