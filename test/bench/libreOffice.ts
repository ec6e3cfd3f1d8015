// LibreOffice for the side-by-side figures. `soffice` is a script that starts soffice.bin: a
// timeout that kills only the script leaves soffice.bin converting, at full CPU, under every
// benchmark that follows. So it runs in a process group of its own and the group is killed.

import { spawn } from 'node:child_process';

/** Runs soffice with the arguments; resolves false when it fails, is missing or outlasts `timeoutMs`. */
export function runSoffice(args: readonly string[], timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('soffice', args, { stdio: 'ignore', detached: true });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
