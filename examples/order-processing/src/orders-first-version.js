'use strict';
// The first version of src/orders.js, kept to show what the spec finds: it names a failed order by
// the order itself, not by its SQS message id. Lambda finds no such message in the batch and treats
// the whole batch as failed, so every order in it comes back and is taken a second time.

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
      batchItemFailures.push({ itemIdentifier: record.body }); // the bug: not record.messageId
    }
  }
  return { batchItemFailures };
};
