@source:kinesis @pull @sync
Feature: Lambda reads each Kinesis shard in order, one batch at a time
  For a Kinesis stream, Lambda polls each shard (once per second with a standard iterator) and invokes
  the function with batches of records from one shard, in sequence order. The starting position
  decides where reading begins: TRIM_HORIZON from the oldest record, LATEST from records written after
  the mapping starts. Record data arrives base64-encoded.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html

  @aws-documented @needs:source:kinesis
  Scenario: Records of a shard arrive in order in one batch
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon
    When the records "r1, r2, r3" are put into "readings" with the partition key "sensor-1"
    And 1 second passes
    Then the function was invoked 1 time
    And batch 1 held "r1, r2, r3"
    And the event has "Records.0.eventSource" set to "aws:kinesis"
    And the event has "Records.0.kinesis.partitionKey" set to "sensor-1"
    And the event has "Records.0.eventName" set to "aws:kinesis:record"

  @aws-documented @needs:source:kinesis
  Scenario: A batch holds at most the batch size, later records follow in order
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon with a batch size of 2
    When the records "r1, r2, r3, r4, r5" are put into "readings" with the partition key "sensor-1"
    And 3 seconds pass
    Then the function received, in order, "r1, r2, r3, r4, r5"
    And the batches had the sizes "2, 2, 1"

  @aws-documented @needs:source:kinesis
  Scenario: LATEST skips the records written before the mapping
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    When the records "old" are put into "readings" with the partition key "sensor-1"
    And the function reads "readings" from the latest record
    And the records "new" are put into "readings" with the partition key "sensor-1"
    And 1 second passes
    Then the function received, in order, "new"
