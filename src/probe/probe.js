'use strict';
// The probe function: one Node.js 20 handler, no dependencies, deployed to every target.
// What it does on each invocation comes from the scenario (a FunctionBehaviour as JSON):
// fail the first N attempts, fail the batch items whose content holds a marker, sleep, log lines,
// return a chosen payload. It records every invocation to an observation sink the harness reads:
//  - locally, PROBE_SINK_URL: an HTTP endpoint on loopback; the answer to "started" carries the
//    attempt number and the scenario's current behaviour;
//  - on AWS and LocalStack, PROBE_OBSERVATIONS_QUEUE_URL: an SQS queue, with the behaviour from
//    PROBE_BEHAVIOUR and the attempt counted in the DynamoDB table PROBE_COUNTER_TABLE.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function postJson(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`observation sink answered ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

function decodeBase64(data) {
  return Buffer.from(data || '', 'base64').toString('utf8');
}

// The partial batch response naming every record whose body, data or stream record contains the marker.
function batchItemFailures(event, marker) {
  const failures = [];
  for (const record of (event && event.Records) || []) {
    let content = '';
    let id;
    if (record.body !== undefined) { content = String(record.body); id = record.messageId; }
    else if (record.kinesis) { content = decodeBase64(record.kinesis.data); id = record.kinesis.sequenceNumber; }
    else if (record.dynamodb) { content = JSON.stringify(record.dynamodb); id = record.dynamodb.SequenceNumber; }
    if (content.includes(marker)) failures.push({ itemIdentifier: id });
  }
  return { batchItemFailures: failures };
}

// What this attempt does, from the behaviour and the attempt number (1-based, per function).
function decide(behaviour, attempt, event) {
  const failing = behaviour.failingInvocations || 0;
  if (attempt <= failing) return { error: behaviour.error || { type: 'Error', message: 'boom' } };
  if (behaviour.failItemsContaining) return { response: batchItemFailures(event, behaviour.failItemsContaining) };
  return { response: JSON.parse(behaviour.responseJson === undefined ? 'null' : behaviour.responseJson) };
}

// An error whose class is named after the type, so every runtime reports it as that type
// (whether it reads the constructor's name or the error's name).
function makeError(spec) {
  const Named = { [spec.type]: class extends Error {} }[spec.type];
  const error = new Named(spec.message);
  error.name = spec.type;
  return error;
}

const local = {
  async start(observation) { return postJson(`${process.env.PROBE_SINK_URL}/started`, observation); },
  async end(observation) { await postJson(`${process.env.PROBE_SINK_URL}/ended`, observation); },
};

const aws = {
  async start(observation) {
    const { DynamoDBClient, UpdateItemCommand } = require('@aws-sdk/client-dynamodb');
    const client = new DynamoDBClient({});
    const answer = await client.send(new UpdateItemCommand({
      TableName: process.env.PROBE_COUNTER_TABLE,
      Key: { Function: { S: observation.functionName } },
      UpdateExpression: 'ADD Attempts :one',
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'UPDATED_NEW',
    }));
    const attempt = Number(answer.Attributes.Attempts.N);
    await aws.send({ kind: 'started', attempt, ...observation });
    return { attempt, behaviour: JSON.parse(process.env.PROBE_BEHAVIOUR || '{}') };
  },
  async end(observation) { await aws.send({ kind: 'ended', ...observation }); },
  async send(body) {
    const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
    await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: process.env.PROBE_OBSERVATIONS_QUEUE_URL, MessageBody: JSON.stringify(body) }));
  },
};

// A user project's own handler, when PROBE_USER_HANDLER names one ("file|export", the file relative to
// LAMBDA_TASK_ROOT or absolute): the probe
// then only observes. It reports what the user's code received and answered, and changes nothing.
const userHandlers = new Map(); // by PROBE_USER_HANDLER: several functions may share this module
async function loadUserHandler(setting) {
  const [relative, name] = setting.split('|');
  const file = require('node:path').resolve(process.env.LAMBDA_TASK_ROOT || process.cwd(), relative);
  const found = ['.js', '.mjs', '.cjs'].map((ext) => file + ext).find((candidate) => require('node:fs').existsSync(candidate));
  if (!found) throw new Error(`Cannot find module '${file}'`);
  const module = await import(require('node:url').pathToFileURL(found).href);
  const handler = module[name] ?? (module.default && module.default[name]);
  if (typeof handler !== 'function') throw new Error(`${require('node:path').basename(file)}.${name} is undefined or not exported`);
  return handler;
}

async function observeUserHandler(event, context) {
  const sink = process.env.PROBE_SINK_URL ? local : aws;
  const observation = { functionName: context.functionName, version: context.functionVersion, requestId: context.awsRequestId, at: new Date().toISOString(), event };
  const { attempt } = await sink.start(observation);
  let response;
  try {
    const setting = process.env.PROBE_USER_HANDLER;
    if (!userHandlers.has(setting)) userHandlers.set(setting, await loadUserHandler(setting));
    response = await userHandlers.get(setting)(event, context);
  } catch (error) {
    const document = { errorType: (error && error.name) || 'Error', errorMessage: error && error.message };
    await sink.end({ functionName: context.functionName, requestId: context.awsRequestId, attempt, outcome: 'FunctionError', response: document });
    throw error;
  }
  await sink.end({ functionName: context.functionName, requestId: context.awsRequestId, attempt, outcome: 'Succeeded', response: response === undefined ? null : response });
  return response;
}

exports.handler = async (event, context) => {
  if (process.env.PROBE_USER_HANDLER) return observeUserHandler(event, context);
  const sink = process.env.PROBE_SINK_URL ? local : aws;
  const observation = {
    functionName: context.functionName,
    version: context.functionVersion,
    requestId: context.awsRequestId,
    at: new Date().toISOString(),
    remainingMs: context.getRemainingTimeInMillis(),
    event,
  };
  const { attempt, behaviour } = await sink.start(observation);
  for (const line of behaviour.logLines || []) console.log(line);
  if (behaviour.durationMs) await sleep(behaviour.durationMs);
  const outcome = decide(behaviour, attempt, event);
  await sink.end({ functionName: context.functionName, requestId: context.awsRequestId, attempt, outcome: outcome.error ? 'FunctionError' : 'Succeeded', response: outcome.response });
  if (outcome.error) throw makeError(outcome.error);
  return outcome.response;
};

exports.decide = decide;
