@source:sqs @pull @sync
Feature: Lambda polls an SQS queue and invokes the function with batches of messages
  For an SQS event source mapping, Lambda's poller receives messages and invokes the function
  synchronously with a batch of up to BatchSize messages (10 by default). When the function succeeds,
  Lambda deletes the whole batch from the queue. With MaximumBatchingWindowInSeconds, Lambda waits
  until the batch is full or the window has passed. A standard queue's receives may return fewer
  messages than are waiting, so AWS promises bounds (at most BatchSize per batch, every message
  delivered), not how the messages are split; the scenarios check those bounds.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html

  @aws-documented @needs:source:sqs
  Scenario: A successful batch is deleted from the queue
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the messages "a, b, c" are sent to "orders"
    And 1 second passes
    Then the function received "a, b, c" in batches of at most 10
    And "orders" holds 0 messages

  @aws-documented @needs:source:sqs
  Scenario: A batch holds at most the batch size
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" with a batch size of 2
    When the messages "a, b, c, d, e" are sent to "orders"
    And 1 second passes
    Then the function received "a, b, c, d, e" in batches of at most 2

  @aws-documented @needs:source:sqs
  Scenario: A batching window waits for a full batch
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 60 seconds
    And the function polls "orders" with a batch size of 5 and a batching window of 20 seconds
    When the messages "a, b" are sent to "orders"
    And 10 seconds pass
    Then the function was not invoked
    When the messages "c, d, e" are sent to "orders"
    Then batch 1 held "a, b, c, d, e"

  @aws-documented @needs:source:sqs
  Scenario: A batching window sends a partial batch when the window ends
    Five seconds before the window ends the function has not been invoked: the contrast that shows the
    window held the messages back.
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 60 seconds
    And the function polls "orders" with a batch size of 5 and a batching window of 20 seconds
    When the messages "a, b" are sent to "orders"
    And 15 seconds pass
    Then the function has not been invoked yet
    When 5 seconds pass
    Then the function was invoked 1 time
    And batch 1 held "a, b"

  @aws-documented @needs:source:sqs
  Scenario: The function receives the SQS record shape
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the message "{\"orderId\":42}" is sent to "orders"
    And 1 second passes
    Then the event has "Records.0.eventSource" set to "aws:sqs"
    And the event has "Records.0.body" set to "{\"orderId\":42}"
    And the event has "Records.0.attributes.ApproximateReceiveCount" set to "1"
    And the event has "Records.0.md5OfBody" set to "e45153dd35b41f8d5c1d47a589c83c58"

  @aws-documented @needs:source:sqs
  Scenario: A disabled mapping does not poll until it is enabled
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    And the function's mapping is disabled
    When the messages "a" are sent to "orders"
    And 1 minute passes
    Then the function was not invoked
    When the function's mapping is enabled
    And 1 second passes
    Then the function was invoked 1 time
