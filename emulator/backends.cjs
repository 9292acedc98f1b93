'use strict';
// Starts the emulator stack's servers on loopback: local-aws-sqs (SQS) and kinesalite (Kinesis).
// Prints one line "READY {ports}" once every server listens; stops on SIGTERM or when its parent closes stdin.
// GET /__conformance/iterators on the Kinesis port answers how many shard iterators each stream has
// handed out: a poller holds its position once it has one, which is what readiness means for a mapping.
const { createSqsServer } = require('local-aws-sqs');
const kinesalite = require('kinesalite');

const [sqsPort, kinesisPort] = process.argv.slice(2, 4).map(Number); // the third, the run's folder, only marks the process

async function main() {
  const sqs = await createSqsServer({ port: sqsPort, hostname: '127.0.0.1', emulateQueueCreationLifecycle: false });
  const kinesis = kinesalite({ createStreamMs: 50, deleteStreamMs: 50, updateStreamMs: 50, shardLimit: 50 });
  countShardIterators(kinesis);
  await new Promise((resolve, reject) => kinesis.listen(kinesisPort, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  console.log('READY ' + JSON.stringify({ sqsPort, kinesisPort }));

  const stop = async () => {
    await Promise.allSettled([new Promise((r) => kinesis.close(r)), sqs.close ? sqs.close() : Promise.resolve()]);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

// Watches kinesalite's requests without changing them: each GetShardIterator is counted by stream name.
function countShardIterators(server) {
  const iterators = {};
  const handlers = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (request, response) => {
    if (request.method === 'GET' && request.url === '/__conformance/iterators') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(iterators));
      return;
    }
    if (String(request.headers['x-amz-target'] || '').endsWith('.GetShardIterator')) {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        try {
          const name = JSON.parse(Buffer.concat(chunks).toString('utf8')).StreamName;
          if (name) iterators[name] = (iterators[name] || 0) + 1;
        } catch { /* kinesalite answers the malformed request itself */ }
      });
    }
    for (const handler of handlers) handler.call(server, request, response);
  });
}

main().catch((error) => {
  console.error('FAILED ' + error.message);
  process.exit(1);
});
