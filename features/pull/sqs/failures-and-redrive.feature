@source:sqs @pull @sync
Feature: A failed batch returns to the queue after the visibility timeout, and redrive ends the loop
  Received messages stay in the queue, hidden for the queue's visibility timeout. When the function
  fails, Lambda deletes nothing: every message of the batch, even those the function handled, becomes
  visible again after the visibility timeout and is received again, with a higher
  ApproximateReceiveCount. A redrive policy on the source queue moves a message to its dead-letter
  queue once it was received maxReceiveCount times. (A function's own dead-letter queue does not apply
  to SQS messages.)

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
  - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html

  @aws-documented @needs:source:sqs
  Scenario: A failed batch is received again after the visibility timeout
    Given a function that fails its first 1 invocation and then returns:
      """json
      null
      """
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the messages "a, b" are sent to "orders"
    And 1 minute passes
    Then the function was invoked 2 times
    And the attempts were 30 seconds apart
    And event 2 has "Records.0.attributes.ApproximateReceiveCount" set to "2"
    And "orders" holds 0 messages

  @aws-documented @needs:source:sqs
  Scenario: After maxReceiveCount receives a message moves to the queue's dead-letter queue
    Given a function that fails with "Error": "boom"
    And an SQS queue "orders" with a visibility timeout of 30 seconds that moves a message to "orders-dlq" after 3 receives
    And the function polls "orders"
    When the message "poison" is sent to "orders"
    And 5 minutes pass
    Then the function was invoked 3 times
    And "orders" holds 0 messages
    And "orders-dlq" holds the messages "poison"

  @aws-documented @needs:source:sqs
  Scenario: A failure returns the messages the function handled too
    Given a function that fails with "Error": "boom"
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the messages "a, b, c" are sent to "orders"
    And 10 seconds pass
    Then "orders" holds 3 messages
