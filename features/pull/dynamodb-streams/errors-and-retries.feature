@source:dynamodb @pull @sync
Feature: A failing DynamoDB Streams batch is retried, then described to the on-failure destination
  Like a Kinesis mapping, a DynamoDB Streams mapping retries a failing batch and holds back its shard.
  MaximumRetryAttempts N gives 1 + N attempts; then the batch is discarded and a record describing it
  (DDBStreamBatchInfo: the shard, the first and last sequence numbers, the batch size, the stream ARN)
  goes to the on-failure destination. A batch holds at most BatchSize records.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html

  @aws-documented @needs:source:dynamodb @needs:destinations
  Scenario: After MaximumRetryAttempts 2 the batch has had 3 attempts and goes to the destination
    Given a function that fails with "Error": "boom"
    And an SQS queue "stream-failures"
    And a DynamoDB table "orders" with a NEW_IMAGE stream
    And the function reads "orders" from the trim horizon, retrying at most 2 times, failures going to "stream-failures"
    When the item "{\"Id\": 1, \"status\": \"new\"}" is written to "orders"
    And 5 seconds pass
    Then the function was invoked 3 times
    And "stream-failures" received 1 record
    And the record in "stream-failures" has "requestContext.condition" set to "RetryAttemptsExhausted"
    And the record in "stream-failures" has "requestContext.approximateInvokeCount" set to "3"
    And the record in "stream-failures" has "DDBStreamBatchInfo.batchSize" set to "1"
    And the record in "stream-failures" has no "KinesisBatchInfo"

  @aws-documented @needs:source:dynamodb
  Scenario: A batch holds at most the batch size
    Given a function that returns nothing
    And a DynamoDB table "orders" with a KEYS_ONLY stream
    And the function reads "orders" from the trim horizon with a batch size of 2
    When the item "{\"Id\": 1}" is written to "orders"
    And the item "{\"Id\": 2}" is written to "orders"
    And the item "{\"Id\": 3}" is written to "orders"
    And 2 seconds pass
    Then the function received "INSERT 1, INSERT 2, INSERT 3" in batches of at most 2
