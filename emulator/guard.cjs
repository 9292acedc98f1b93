'use strict';
// Runs a command as a child and ties its life to the harness: when the harness's end of stdin closes
// (the harness exited, even by a crash or kill -9) or this process is told to stop, the child is killed.
// Used for processes that would otherwise outlive the harness (DynamoDB Local, serverless-offline).
const { spawn } = require('child_process');

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } process.exit(0); }, 3000).unref();
}

child.on('exit', (code) => process.exit(code === null ? 1 : code));
child.on('error', (error) => { console.error(`could not start ${command}: ${error.message}`); process.exit(127); });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
