@source:sqs @pull @sync
Feature: A FIFO queue delivers each message group in order, and a failure holds its group back
  With a FIFO queue, Lambda delivers the messages of one message group in order. When a batch fails,
  the group's messages are retried before any later message of that group is received. Batch size is
  at most 10, and a batching window is not supported. With ReportBatchItemFailures, a function reading
  a FIFO queue should stop at the first failure and report it with every message after it; Lambda
  then deletes the messages before it and delivers the reported ones again, in their order.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
  - https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html

  @aws-documented @needs:source:sqs
  Scenario: A failed message is retried before the next message of its group
    Given a function that fails its first 1 invocation and then returns:
      """json
      null
      """
    And an SQS queue "orders.fifo" with a visibility timeout of 30 seconds
    And the function polls "orders.fifo" with a batch size of 1
    When the messages "first, second, third" are sent to "orders.fifo" in the group "customer-1"
    And 2 minutes pass
    Then the function received, in order, "first, first, second, third"

  @aws-documented @needs:source:sqs
  Scenario: A partial batch response on a FIFO queue delivers the reported messages again, in order
    The two reported messages stay in the queue (in flight until the visibility timeout ends, so they
    are counted, not read), and come back together, in their order.
    Given a function that reports as failed the items containing "later"
    And an SQS queue "orders.fifo" with a visibility timeout of 30 seconds
    And the function polls "orders.fifo" and reports batch item failures
    When the messages "first, later-2, later-3" are sent to "orders.fifo" in the group "customer-1"
    And 1 second passes
    Then batch 1 held "first, later-2, later-3"
    And "orders.fifo" holds 2 messages
    When 40 seconds pass
    Then batch 2 held "later-2, later-3"

  @aws-documented @needs:source:sqs
  Scenario: A batch size above 10 is refused for a FIFO queue
    Given a function that returns nothing
    And an SQS queue "orders.fifo" with a visibility timeout of 30 seconds
    When the function is mapped to "orders.fifo" with a batch size of 11
    Then the mapping is rejected with InvalidParameterValueException

  @aws-documented @needs:source:sqs
  Scenario: A batching window is refused for a FIFO queue
    Given a function that returns nothing
    And an SQS queue "orders.fifo" with a visibility timeout of 30 seconds
    When the function is mapped to "orders.fifo" with a batch size of 5 and a batching window of 1 seconds
    Then the mapping is rejected with InvalidParameterValueException saying "Batching window is not supported for FIFO queues"
