'use strict';
// Runs a user's Node.js handler (`file.export`) behind the Lambda Runtime API, as the managed Node.js
// runtime does (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html,
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html, nodejs-context.html):
// load the module once (init), then loop: GET /invocation/next, call the handler with the event and
// a context object, POST /response or /error. Async handlers and callback handlers both work.
// Init failures are posted to /init/error and end the process, as Lambda's runtime does, with its error
// types and wordings (Runtime.ImportModuleError "Error: Cannot find module '...'": repost.aws
// knowledge-center/lambda-import-module-error-nodejs and aws-lambda-nodejs-runtime-interface-client#93;
// Runtime.HandlerNotFound "<handler> is undefined or not exported").

const path = require('node:path');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const { format } = require('node:util');

const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;
const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
const handlerSetting = process.env._HANDLER || '';
let currentRequestId;

// console.* lines carry the timestamp, request id and level, tab-separated, as in the managed runtime.
for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'], ['debug', 'DEBUG']]) {
  console[method] = (...args) => {
    process.stdout.write(`${new Date().toISOString()}\t${currentRequestId || 'undefined'}\t${level}\t${format(...args).replace(/\n/g, '\r')}\n`);
  };
}

function errorDocument(error, type) {
  if (!(error instanceof Error)) return { errorType: type || 'Error', errorMessage: String(error), trace: [] };
  return { errorType: type || error.name || 'Error', errorMessage: error.message, trace: String(error.stack || '').split('\n') };
}

async function post(url, body, errorType) {
  const headers = { 'content-type': 'application/json' };
  if (errorType) headers['Lambda-Runtime-Function-Error-Type'] = errorType;
  await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function failInit(type, message) {
  const error = new Error(message);
  error.name = type;
  console.error(`${type}: ${message}`);
  await post(`${api}/init/error`, errorDocument(error, type), type);
  process.exit(129);
}

async function loadHandler() {
  const dot = handlerSetting.lastIndexOf('.');
  if (dot <= 0) return failInit('Runtime.MalformedHandlerName', `Bad handler ${handlerSetting}`);
  const file = handlerSetting.slice(0, dot);
  const name = handlerSetting.slice(dot + 1);
  const found = ['.js', '.mjs', '.cjs'].map((ext) => path.resolve(root, file + ext)).find((candidate) => fs.existsSync(candidate));
  if (!found) return failInit('Runtime.ImportModuleError', `Error: Cannot find module '${path.resolve(root, file)}'\nRequire stack:\n- ${__filename}`);
  let module;
  try {
    module = await import(pathToFileURL(found).href);
  } catch (error) {
    const type = error instanceof SyntaxError ? 'Runtime.UserCodeSyntaxError' : 'Runtime.ImportModuleError';
    return failInit(type, `${error.name}: ${error.message}`);
  }
  const handler = module[name] ?? (module.default && module.default[name]);
  if (typeof handler !== 'function') return failInit('Runtime.HandlerNotFound', `${handlerSetting} is undefined or not exported`);
  return handler;
}

function contextFor(headers) {
  const deadline = Number(headers.get('lambda-runtime-deadline-ms'));
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers.get('lambda-runtime-invoked-function-arn'),
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers.get('lambda-runtime-aws-request-id'),
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

// A handler with three parameters answers through its callback; any other through its return value.
function call(handler, event, context) {
  if (handler.length >= 3) {
    return new Promise((resolve, reject) => {
      const result = handler(event, context, (error, value) => (error ? reject(error) : resolve(value)));
      if (result && typeof result.then === 'function') result.then(resolve, reject);
    });
  }
  return Promise.resolve().then(() => handler(event, context));
}

async function main() {
  const handler = await loadHandler();
  for (;;) {
    const next = await fetch(`${api}/invocation/next`);
    const requestId = next.headers.get('lambda-runtime-aws-request-id');
    const traceId = next.headers.get('lambda-runtime-trace-id');
    if (traceId) process.env._X_AMZN_TRACE_ID = traceId; else delete process.env._X_AMZN_TRACE_ID;
    currentRequestId = requestId;
    const event = JSON.parse(await next.text());
    try {
      const result = await call(handler, event, contextFor(next.headers));
      await post(`${api}/invocation/${requestId}/response`, result === undefined ? null : result);
    } catch (error) {
      const document = errorDocument(error);
      console.error(`Invoke Error \t${JSON.stringify(document)}`);
      await post(`${api}/invocation/${requestId}/error`, document, document.errorType);
    }
  }
}

// An error nobody caught ends the process, after reporting it for the invocation that was running.
process.on('unhandledRejection', async (reason) => {
  const document = errorDocument(reason, 'Runtime.UnhandledPromiseRejection');
  if (currentRequestId) await post(`${api}/invocation/${currentRequestId}/error`, document, document.errorType).catch(() => {});
  process.exit(128);
});

main().catch((error) => {
  process.stderr.write(`bootstrap: ${error && error.stack}\n`);
  process.exit(1);
});
