'use strict';
// Takes orders from an SQS queue, a batch at a time. An order it cannot take is reported back to
// Lambda in a partial batch response, by its message id, so that only that message returns to the
// queue and the rest of the batch is deleted.
// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html

const prefix = process.env.ORDER_PREFIX;

function take(order) {
  if (!order.startsWith(prefix)) throw new Error(`not an order: ${order}`);
  console.log(`took ${order}`);
}

exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      take(record.body);
    } catch (error) {
      console.error(error.message);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
