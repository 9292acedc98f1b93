'use strict';
// Starts the emulator stack's servers on loopback: local-aws-sqs (SQS), kinesalite (Kinesis) and
// s3rver (S3, which has no notification configuration: it answers that API with 501). Prints one
// line "READY {ports}" once every server listens; stops on SIGTERM or when its parent closes stdin.
// GET /__conformance/iterators on the Kinesis port answers how many shard iterators each stream has
// handed out: a poller holds its position once it has one, which is what readiness means for a mapping.
const { createSqsServer } = require('local-aws-sqs');
const kinesalite = require('kinesalite');
const S3rver = require('s3rver');

const [sqsPort, kinesisPort, s3Port] = process.argv.slice(2, 5).map(Number);
const s3Directory = process.argv[5];

async function main() {
  const sqs = await createSqsServer({ port: sqsPort, hostname: '127.0.0.1', emulateQueueCreationLifecycle: false });
  const kinesis = kinesalite({ createStreamMs: 50, deleteStreamMs: 50, updateStreamMs: 50, shardLimit: 50 });
  countShardIterators(kinesis);
  await new Promise((resolve, reject) => kinesis.listen(kinesisPort, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  const s3 = new S3rver({ address: '127.0.0.1', port: s3Port, directory: s3Directory, silent: true });
  await s3.run();
  console.log('READY ' + JSON.stringify({ sqsPort, kinesisPort, s3Port }));

  const stop = async () => {
    await Promise.allSettled([s3.close(), new Promise((r) => kinesis.close(r)), sqs.close ? sqs.close() : Promise.resolve()]);
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
