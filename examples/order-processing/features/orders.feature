@source:sqs
Feature: The orders function keeps its contract with SQS
  Lambda reads the orders queue in batches and hands each batch to the function. When one order in a
  batch cannot be taken, the function names it in a partial batch response, by its message id. Lambda
  then deletes the rest of the batch, and only that message comes back after the visibility timeout. A
  response naming an id that is not in the batch fails the whole batch, and every order in it comes
  back to be taken again.
  (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html)

  Background:
    Given the function "orders"
    And an SQS queue "incoming-orders" with a visibility timeout of 30 seconds
    And the function polls "incoming-orders" and reports batch item failures

  Scenario: A batch of good orders is taken once, and nothing comes back
    When the messages "order-1, order-2" are sent to "incoming-orders"
    And 1 second passes
    Then every invocation succeeded
    And the response to batch 1 named no failures
    When 31 seconds pass
    Then the function received "order-1" exactly 1 time
    And the function received "order-2" exactly 1 time

  Scenario: A broken order is named by its message id
    When the messages "order-1, broken-2, order-3" are sent to "incoming-orders"
    And 1 second passes
    Then the response to batch 1 named as failed "broken-2"

  Scenario: The good orders of a batch with a broken one are not taken twice
    When the messages "order-1, broken-2, order-3" are sent to "incoming-orders"
    And 31 seconds pass
    Then the function received "order-1" exactly 1 time
    And the function received "order-3" exactly 1 time
