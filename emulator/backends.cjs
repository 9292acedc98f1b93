'use strict';
// Starts the emulator stack's servers on loopback: local-aws-sqs (SQS), kinesalite (Kinesis) and
// s3rver (S3, which has no notification configuration: it answers that API with 501). Prints one
// line "READY {ports}" once every server listens; stops on SIGTERM or when its parent closes stdin.
const { createSqsServer } = require('local-aws-sqs');
const kinesalite = require('kinesalite');
const S3rver = require('s3rver');

const [sqsPort, kinesisPort, s3Port] = process.argv.slice(2, 5).map(Number);
const s3Directory = process.argv[5];

async function main() {
  const sqs = await createSqsServer({ port: sqsPort, hostname: '127.0.0.1', emulateQueueCreationLifecycle: false });
  const kinesis = kinesalite({ createStreamMs: 50, deleteStreamMs: 50, updateStreamMs: 50, shardLimit: 50 });
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

main().catch((error) => {
  console.error('FAILED ' + error.message);
  process.exit(1);
});
