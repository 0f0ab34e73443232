// Preloaded by `npm start`, `npm run seed` and `npm run bench` (node -r): reads .env when there is
// one. Variables already set in the environment win. Node 20 has no --env-file-if-exists.
try {
  process.loadEnvFile('.env');
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
