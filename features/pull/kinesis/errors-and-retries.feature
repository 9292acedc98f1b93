@source:kinesis @pull @sync
Feature: A failing batch blocks its shard until it succeeds, expires or runs out of retries
  When the function fails, Lambda retries the whole batch and processes nothing after it in that shard
  (by default until the records expire). MaximumRetryAttempts bounds the retries; then the batch is
  discarded, a record describing it (KinesisBatchInfo) goes to the on-failure destination, and the
  shard moves on. BisectBatchOnFunctionError splits a failing batch in two before retrying; splitting
  does not use up retries. MaximumRecordAgeInSeconds discards records older than that, whether they
  are being retried or expired before they were first read, with the condition RecordAgeExceeded and
  no response in the record (the condition is not documented; it is recorded on AWS:
  localstack/localstack at 8b9a79f0,
  tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_kinesis.snapshot.json,
  TestKinesisSource::test_kinesis_maximum_record_age_exceeded[expire-while-retrying] and
  [expire-before-ingestion], recorded 2025-11-25).

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html

  @aws-documented @needs:source:kinesis
  Scenario: A failing batch is retried and holds back the records behind it
    Given a function that fails its first 2 invocations and then returns:
      """json
      null
      """
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon
    When the records "r1, r2" are put into "readings" with the partition key "sensor-1"
    And 10 seconds pass
    Then the function received, in order, "r1, r2, r1, r2, r1, r2"

  @aws-documented @needs:source:kinesis @needs:destinations
  Scenario: After the last retry the batch is described to the on-failure destination
    Given a function that fails with "Error": "boom"
    And an SQS queue "stream-failures"
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon, retrying at most 2 times, failures going to "stream-failures"
    When the records "r1, r2" are put into "readings" with the partition key "sensor-1"
    And 10 seconds pass
    Then the function was invoked 3 times
    And "stream-failures" received 1 record
    And the record in "stream-failures" has "requestContext.condition" set to "RetryAttemptsExhausted"
    And the record in "stream-failures" has "requestContext.approximateInvokeCount" set to "3"
    And the record in "stream-failures" has "KinesisBatchInfo.batchSize" set to "2"
    And the record in "stream-failures" has "KinesisBatchInfo.shardId" set to "shardId-000000000000"

  @aws-documented @needs:source:kinesis
  Scenario: Bisecting halves a failing batch without using retries
    Given a function that fails with "Error": "boom"
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon, splitting failed batches and retrying at most 0 times
    When the records "r1, r2, r3, r4" are put into "readings" with the partition key "sensor-1"
    And 3 seconds pass
    Then the batches had the sizes "4, 2, 1"

  @aws-observed @needs:source:kinesis @needs:destinations
  Scenario: A batch retried past its maximum record age is discarded as RecordAgeExceeded
    Given a function that fails with "Error": "boom"
    And an SQS queue "stream-failures"
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon, discarding records older than 60 seconds to "stream-failures"
    When the records "r1" are put into "readings" with the partition key "sensor-1"
    And 70 seconds pass
    Then "stream-failures" received 1 record
    And the record in "stream-failures" has "requestContext.condition" set to "RecordAgeExceeded"
    And the record in "stream-failures" has "KinesisBatchInfo.batchSize" set to "1"
    And the record in "stream-failures" has no "responseContext"

  @aws-observed @needs:source:kinesis @needs:destinations
  Scenario: A record already past its maximum age when first read is discarded without an invocation
    Given a function that returns nothing
    And an SQS queue "stream-failures"
    And a Kinesis stream "readings" with 1 shard
    When the records "old" are put into "readings" with the partition key "sensor-1"
    And 70 seconds pass
    And the function reads "readings" from the trim horizon, discarding records older than 60 seconds to "stream-failures"
    And 5 seconds pass
    Then the function was not invoked
    And "stream-failures" received 1 record
    And the record in "stream-failures" has "requestContext.condition" set to "RecordAgeExceeded"
    And the record in "stream-failures" has "requestContext.approximateInvokeCount" set to "1"
    And the record in "stream-failures" has no "responseContext"

  @aws-documented @needs:source:kinesis
  Scenario: A shard in retry holds back only itself; the other shards keep flowing
    Lambda processes each shard with its own position: a batch that keeps failing blocks the records
    behind it in its shard only. (Kinesis routes a partition key by the MD5 of the key over the shards'
    hash ranges: with 2 shards, "sensor-2" goes to the first and "sensor-1" to the second.)
    Given a function that reports as failed the items containing "bad"
    And a Kinesis stream "readings" with 2 shards
    And the function reads "readings" from the trim horizon and reports batch item failures
    When the records "bad-1" are put into "readings" with the partition key "sensor-2"
    And the records "ok-1, ok-2" are put into "readings" with the partition key "sensor-1"
    And 5 seconds pass
    Then the function received the records of "ok" in the order "ok-1, ok-2"
    And the function received "bad-1" at least 2 times

  @aws-documented @needs:source:kinesis @needs:destinations @needs:concurrency
  Scenario: A throttled batch never reached the function and does not use up the retries
    An error before the function runs (a throttle) is retried until the records expire, and does not
    count against MaximumRetryAttempts.
    Given a function that returns nothing
    And an SQS queue "stream-failures"
    And a Kinesis stream "readings" with 1 shard
    And the function has a reserved concurrency of 0
    And the function reads "readings" from the trim horizon, retrying at most 0 times, failures going to "stream-failures"
    When the records "r1" are put into "readings" with the partition key "sensor-1"
    And 5 seconds pass
    Then the function was not invoked
    And "stream-failures" received nothing
    When the function has a reserved concurrency of 1
    And 3 seconds pass
    Then the function received, in order, "r1"
