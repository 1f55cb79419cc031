/**
 * Entry of the child process the alert bench starts: guardia's own CLI entry point, so the
 * process runs `guardia up` exactly as `bin/guardia up …` does (argv, SIGTERM, logs on stderr).
 */
import '../../src/cli/main.js';
