@source:sqs @pull @sync
Feature: An SQS record carries the message's system attributes
  Lambda hands the function each message with its system attributes, as SQS keeps them. Besides the
  receive count and the times, a message whose sender was traced carries the sender's X-Ray trace
  header as AWSTraceHeader, so the function's trace continues the sender's. A message that a redrive
  moved into a dead-letter queue names the queue it came from as DeadLetterQueueSourceArn, so a
  function that reads the dead-letter queue can tell where each message failed.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
  - https://docs.aws.amazon.com/xray/latest/devguide/xray-services-sqs.html
  - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html

  @aws-observed @needs:source:sqs
  Scenario: A traced message carries its trace header into the record
    Recorded on AWS: localstack/localstack at 8b9a79f0, tests/aws/services/sqs/test_sqs.snapshot.json,
    TestSqsProvider::test_aws_trace_header_propagation[sqs], recorded 2025-06-27: the header a traced
    sender gives is the message's AWSTraceHeader attribute, unchanged.
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the message "order-1" is sent to "orders" with the trace header "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1"
    And 1 second passes
    Then the event has "Records.0.attributes.AWSTraceHeader" set to "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1"

  @aws-observed @needs:source:sqs
  Scenario: A message sent without tracing has no trace header
    Recorded on AWS: localstack/localstack at 8b9a79f0, tests/aws/services/sqs/test_sqs.snapshot.json,
    TestSqsProvider::test_dead_letter_queue_message_attributes, recorded 2024-04-30: the message sent
    without a trace header, still in its own queue, has neither attribute.
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the message "order-1" is sent to "orders"
    And 1 second passes
    Then the event has no "Records.0.attributes.AWSTraceHeader"
    And the event has no "Records.0.attributes.DeadLetterQueueSourceArn"

  @aws-observed @needs:source:sqs
  Scenario: A message in a dead-letter queue names the queue a redrive moved it from
    Recorded on AWS: localstack/localstack at 8b9a79f0, tests/aws/services/sqs/test_sqs.snapshot.json,
    TestSqsProvider::test_dead_letter_queue_message_attributes, recorded 2024-04-30: received from the
    dead-letter queue, the message has DeadLetterQueueSourceArn, the source queue's ARN.
    Given a function that fails with "Error": "boom"
    And an SQS queue "orders" with a visibility timeout of 30 seconds that moves a message to "orders-dlq" after 1 receive
    And the function polls "orders"
    And the function polls "orders-dlq"
    When the message "poison" is sent to "orders"
    And 45 seconds pass
    Then event 2 has "Records.0.eventSourceARN" ending with ":orders-dlq"
    And event 2 has "Records.0.attributes.DeadLetterQueueSourceArn" ending with ":orders"
