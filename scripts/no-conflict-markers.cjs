// Fails lint when a merge left conflict markers in any tracked file (prettier accepts them in Markdown).
const { spawnSync } = require('node:child_process');

const found = spawnSync('git', ['grep', '-nI', '-E', '^(<<<<<<< |>>>>>>> |=======$)', '--', '.'], {
  encoding: 'utf8',
});
if (found.status === 0) {
  process.stderr.write(`Merge conflict markers left in:\n${found.stdout}`);
  process.exit(1);
}
if (found.status !== 1) {
  process.stderr.write(found.stderr || 'git grep failed\n');
  process.exit(found.status ?? 2);
}
