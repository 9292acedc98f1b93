// serverless-aws-lambda's own configuration: its SQS server and poller (the plugin it ships).
const { defineConfig } = require("serverless-aws-lambda/defineConfig");
const { sqsPlugin } = require("serverless-aws-lambda/sqs");
module.exports = defineConfig({ plugins: [sqsPlugin()] });
